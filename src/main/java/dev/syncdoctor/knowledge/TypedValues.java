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

    /**
     * {@code direction == "DV->FO"}: a typed field compared with text. Drools compiles it and the
     * constraint is never true, so the rule silently matches nothing.
     */
    private static final Pattern TEXT_COMPARED = Pattern.compile("\\b(phase|direction|confidence)\\s*+(==|!=)\\s*+\"([^\"\\n]{0,200}+)\"");

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
        m = TEXT_COMPARED.matcher(ruleText);
        while (m.find()) {
            String type = Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1);
            out.add(m.group(1) + " " + m.group(2) + " \"" + m.group(3) + "\" compares a " + AllowedValues.kindName(type)
                    + " with text and is never true: write " + m.group(1) + " " + m.group(2) + " " + type + "."
                    + constant(type, m.group(3)));
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
            out.add("'" + value + "' is not a " + AllowedValues.kindName(type) + "; allowed: " + String.join(", ", AllowedValues.of(type)));
        }
    }

    /** The constant a text names ({@code DV_TO_FO} for "DV->FO"), or the type's constants when it names none. */
    private static String constant(String type, String text) {
        try {
            return ((Enum<?>) parserOf(type).apply(text)).name();
        } catch (IllegalArgumentException e) {
            Object[] all = switch (type) {
                case "Phase" -> Phase.values();
                case "Direction" -> Direction.values();
                default -> Confidence.values();
            };
            StringBuilder sb = new StringBuilder();
            for (Object o : all) {
                sb.append(sb.length() == 0 ? "" : "|").append(((Enum<?>) o).name());
            }
            return sb.toString();
        }
    }
}
