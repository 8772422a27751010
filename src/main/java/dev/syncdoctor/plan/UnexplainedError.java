package dev.syncdoctor.plan;

import java.util.List;

/**
 * An error no rule recognised: its masked signature (for grouping), its text, how many times it
 * occurred and, when it repeated with other values, every lookup value and record id.
 */
public record UnexplainedError(String id, String signature, String text, int count, List<String> values,
                               List<String> records) {

    public UnexplainedError(String id, String signature, String text) {
        this(id, signature, text, 1, List.of(), List.of());
    }
}
