package dev.syncdoctor.report;

/** Output formats of {@code diagnose}. */
public enum ReportFormat {
    TEXT, JSON, MARKDOWN;

    public CaseRenderer renderer(boolean explain) {
        return switch (this) {
            case TEXT -> new TextRenderer(explain);
            case JSON -> new JsonRenderer(explain, true);
            case MARKDOWN -> new MarkdownRenderer(explain);
        };
    }
}
