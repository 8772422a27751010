package dev.syncdoctor.plan;

/** An error no rule recognised: its masked signature (for grouping) and its text. */
public record UnexplainedError(String id, String signature, String text) {
}
