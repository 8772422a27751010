package dev.syncdoctor.verify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an example case must produce. Null fields are not checked. {@code issues} is the exact set of
 * issue ids; {@code requirements} must each be present (an empty list means none at all);
 * {@code steps} are fragments the first steps of the plan must contain, in order (case-insensitive).
 * {@code context} gives a raw-text example the case context a user would pass as flags.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expectation(String status, List<String> issues, List<String> kb, List<ExpectedRequirement> requirements,
                          List<String> steps, Integer unexplained, ExampleContext context, String note) {

    public record ExpectedRequirement(String kind, String name, Boolean held) {
    }

    /** The flags of {@code diagnose} that give case context, as JSON fields. */
    public record ExampleContext(String map, String status, Integer attempts, Integer occurrences, Boolean consistent,
                                 String phase, String direction, Long durationMinutes, Long rowCount,
                                 Integer legalEntityCount, Integer lookupCount, List<String> roles) {
    }
}
