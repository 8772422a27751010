package dev.syncdoctor.knowledge;

import dev.syncdoctor.model.ActionPhase;
import dev.syncdoctor.model.Confidence;
import dev.syncdoctor.model.Direction;
import dev.syncdoctor.model.Phase;
import dev.syncdoctor.model.RequirementKind;
import dev.syncdoctor.plan.Planner;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What an analyst may write where the model expects a typed value, read from the model itself (enum
 * labels, getters, the Planner's placeholders) so that messages and the authoring guide cannot go stale.
 */
public final class AllowedValues {
    private AllowedValues() {
    }

    /** Step phases as table cells and {@code ActionPhase.of("...")} spell them. */
    public static List<String> stepPhases() {
        return labels(ActionPhase.values(), ActionPhase::label);
    }

    /** Case phases ({@code Phase.of("...")}, the recognition table's Phase column). */
    public static List<String> casePhases() {
        return labels(Phase.values(), Phase::label);
    }

    public static List<String> directions() {
        return labels(Direction.values(), Direction::label);
    }

    public static List<String> confidences() {
        return labels(Confidence.values(), Confidence::label);
    }

    public static List<String> requirementKinds() {
        return labels(RequirementKind.values(), RequirementKind::label);
    }

    /** Placeholders of step texts, as written: {@code {map}}. */
    public static List<String> placeholders() {
        List<String> out = new ArrayList<>();
        for (String p : Planner.PLACEHOLDERS) {
            out.add("{" + p + "}");
        }
        return out;
    }

    /** The labels of a typed value's kind by the name a rule uses for it (ActionPhase, Phase, Direction, Confidence). */
    static List<String> of(String type) {
        return switch (type) {
            case "ActionPhase" -> stepPhases();
            case "Phase" -> casePhases();
            case "Direction" -> directions();
            case "RequirementKind" -> requirementKinds();
            default -> confidences();
        };
    }

    /** True when the model reads {@code value} as a value of the kind (labels in any case, and the spellings users type). */
    static boolean accepts(String type, String value) {
        try {
            switch (type) {
                case "ActionPhase" -> ActionPhase.of(value);
                case "Phase" -> Phase.of(value);
                case "Direction" -> Direction.of(value);
                default -> Confidence.of(value);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What people call the kind: step phase, phase, direction, confidence. */
    static String kindName(String type) {
        return switch (type) {
            case "ActionPhase" -> "step phase";
            case "Phase" -> "phase";
            case "Direction" -> "direction";
            case "RequirementKind" -> "requirement kind";
            default -> "confidence";
        };
    }

    /** The fields a rule can test on a fact class: its getters (and is-ers) as DRL names them, sorted. */
    public static List<String> fieldsOf(Class<?> fact) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : fact.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            String field = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                    : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? n.substring(2) : null;
            if (field != null) {
                names.add(field.substring(0, 1).toLowerCase(Locale.ROOT) + field.substring(1));
            }
        }
        return new ArrayList<>(names);
    }

    /** A model fact class by its simple name (SyncCase), or null. */
    static Class<?> factClass(String simpleName) {
        try {
            return Class.forName("dev.syncdoctor.model." + simpleName);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static <E> List<String> labels(E[] values, java.util.function.Function<E, String> label) {
        List<String> out = new ArrayList<>(values.length);
        for (E v : values) {
            out.add(label.apply(v));
        }
        return out;
    }
}
