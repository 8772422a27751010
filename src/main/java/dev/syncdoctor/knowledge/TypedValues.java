package dev.syncdoctor.knowledge;

import dev.syncdoctor.model.ActionPhase;
import dev.syncdoctor.model.Confidence;
import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the typed values a rule spells as text (a table cell such as {@code fix} or {@code high}, or a
 * literal in a rule) that name nothing: Drools compiles {@code ActionPhase.of("fxi")} happily and the
 * rule would only fail when it fires, so {@code rules check} reports it with the rule's place instead.
 */
final class TypedValues {
    private static final Pattern OF = Pattern.compile("\\b(Phase|Direction|Confidence|ActionPhase)\\s*+\\.\\s*+of\\s*+\\(\\s*+\"([^\"\\n]{0,200}+)\"\\s*+\\)");
    /** {@code new Action(issue, "phase", ...)}: the phase is the second argument. */
    private static final Pattern NEW_ACTION = Pattern.compile("new\\s++Action\\s*+\\(\\s*+[^,()\\n]++(?:\\([^()\\n]*+\\))?[^,()\\n]*+,\\s*+\"([^\"\\n]{0,200}+)\"");
    /** {@code new Finding("issue", [$e,] "confidence", ...)}. */
    private static final Pattern NEW_FINDING = Pattern.compile("new\\s++Finding\\s*+\\(\\s*+\"[^\"\\n]*+\"\\s*+,\\s*+(?:\\$\\w++\\s*+,\\s*+)?\"([^\"\\n]{0,200}+)\"");

    private TypedValues() {
    }

    /** One message per misspelt value in a rule's text. */
    static List<String> misspelt(String ruleText) {
        List<String> out = new ArrayList<>();
        Matcher m = OF.matcher(ruleText);
        while (m.find()) {
            check(m.group(1), m.group(2), parserOf(m.group(1)), out);
        }
        m = NEW_ACTION.matcher(ruleText);
        while (m.find()) {
            check("ActionPhase", m.group(1), ActionPhase::of, out);
        }
        m = NEW_FINDING.matcher(ruleText);
        while (m.find()) {
            check("Confidence", m.group(1), Confidence::of, out);
        }
        return out;
    }

    private static Function<String, ?> parserOf(String type) {
        return switch (type) {
            case "Phase" -> Phase::of;
            case "Direction" -> Direction::of;
            case "Confidence" -> Confidence::of;
            default -> ActionPhase::of;
        };
    }

    private static void check(String type, String value, Function<String, ?> parser, List<String> out) {
        try {
            parser.apply(value);
        } catch (IllegalArgumentException e) {
            out.add(label(type) + " " + e.getMessage());
        }
    }

    private static String label(String type) {
        return switch (type) {
            case "ActionPhase" -> "step phase";
            case "Phase" -> "phase";
            case "Direction" -> "direction";
            default -> "confidence";
        };
    }
}
