package dev.syncdoctor.serve;

import dev.syncdoctor.api.CaseInput;
import dev.syncdoctor.api.SyncDoctor;
import dev.syncdoctor.ingest.CaseContext;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.report.JsonRenderer;
import dev.syncdoctor.report.ReportFormat;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/diagnose}: one case in, the CLI's JSON contract out. The body is raw error text
 * (text/plain, context as query parameters), a case (application/json or application/yaml, as case files)
 * or a CSV export (text/csv). {@code format=markdown|text} answers as the CLI's other formats,
 * {@code explain=true} adds the rules and facts behind each conclusion. A CSV export of several cases is
 * answered as JSON Lines, one object per case, as {@code diagnose --format json} prints it.
 */
final class DiagnoseEndpoint {
    static final String ACCEPTED = "text/plain, application/json, application/yaml or text/csv";

    private final LiveRules rules;
    private final WorkGate gate;
    private final long maxInputBytes;

    DiagnoseEndpoint(LiveRules rules, WorkGate gate, long maxInputBytes) {
        this.rules = rules;
        this.gate = gate;
        this.maxInputBytes = maxInputBytes;
    }

    void handle(Context ctx) {
        String type = RequestBody.mediaType(ctx);
        String given = RequestBody.fileName(ctx.queryParam("name"), "name");
        String name = sourceName(type, given);
        ReportFormat format = format(ctx.queryParam("format"));
        boolean explain = ContextParams.flag(ctx, "explain");
        CaseContext context = ContextParams.of(ctx);
        byte[] body = RequestBody.read(ctx, maxInputBytes);
        try (WorkGate.Slot ignored = gate.enter()) {
            SyncDoctor doctor = rules.current().doctor();
            List<CaseInput> cases;
            try {
                cases = doctor.inputs().read(name, body);
            } catch (InputException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            List<CaseResult> results = new ArrayList<>(cases.size());
            for (CaseInput c : cases) {
                if (!c.ok()) {
                    throw ApiError.badRequest(c.problem().getMessage());
                }
                context.applyTo(c.facts().getSyncCase());
                if (c.facts().getErrors().isEmpty() && !c.facts().getSyncCase().hasContext()) {
                    throw ApiError.badRequest(c.source() + ": no error text and no case context"
                            + " (send the error text, or the status and what you know as query parameters)");
                }
            }
            if (cases.isEmpty()) {
                throw ApiError.badRequest(name + ": no case in this input");
            }
            for (CaseInput c : cases) {
                results.add(doctor.diagnose(c, explain));
            }
            answer(ctx, doctor, results, format, explain);
        }
    }

    /** The results in the asked format, each naming the rules that produced it, as the CLI's diagnose does. */
    private static void answer(Context ctx, SyncDoctor doctor, List<CaseResult> results, ReportFormat format, boolean explain) {
        if (format == ReportFormat.JSON && results.size() == 1) {
            ctx.contentType("application/json").result(doctor.renderNamingRules(results.get(0), ReportFormat.JSON, explain));
            return;
        }
        StringBuilder b = new StringBuilder();
        if (format == ReportFormat.JSON) {
            JsonRenderer lines = new JsonRenderer(explain, false, doctor.knowledge().rulesInUse());
            for (CaseResult r : results) {
                b.append(lines.render(r)).append('\n');
            }
            ctx.contentType("application/x-ndjson");
        } else {
            for (CaseResult r : results) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(doctor.renderNamingRules(r, format, explain));
            }
            ctx.contentType(format == ReportFormat.MARKDOWN ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8");
        }
        ctx.result(b.toString());
    }

    /** The name the body is read under: its extension picks the reader, as a file's does. */
    private static String sourceName(String type, String given) {
        String ext = switch (type) {
            case "text/plain", "" -> given != null ? null : "txt";
            case "application/json" -> "json";
            case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml" -> "yaml";
            case "text/csv" -> "csv";
            default -> throw ApiError.unsupported(type, ACCEPTED);
        };
        if (given != null) {
            String lower = given.toLowerCase(Locale.ROOT);
            if (ext == null || lower.endsWith("." + ext) || (ext.equals("yaml") && lower.endsWith(".yml"))) {
                return given;
            }
            return given + "." + ext;
        }
        return "request." + ext;
    }

    static ReportFormat format(String raw) {
        if (raw == null || raw.isBlank()) {
            return ReportFormat.JSON;
        }
        try {
            return ReportFormat.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("format: '" + RequestBody.shorten(raw) + "' is not json, markdown or text");
        }
    }
}
