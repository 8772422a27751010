package dev.syncdoctor.report;

import dev.syncdoctor.knowledge.RulesInUse;

/** Output formats of {@code diagnose}. */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN;

    public CaseRenderer renderer(boolean explain) {
        return renderer(explain, null);
    }

    /** A renderer that names {@code rules} in every answer (a footer, or the JSON "rules" field); none when null. */
    public CaseRenderer renderer(boolean explain, RulesInUse rules) {
        return switch (this) {
            case TEXT -> new TextRenderer(explain, rules);
            case JSON -> new JsonRenderer(explain, true, rules);
            case MARKDOWN -> new MarkdownRenderer(explain, rules);
        };
    }
}
