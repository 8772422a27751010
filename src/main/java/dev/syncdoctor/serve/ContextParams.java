package dev.syncdoctor.serve;

import dev.syncdoctor.ingest.CaseContext;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The case context a caller knows beyond the text, as query parameters named after the CLI's flags:
 * {@code map, status, attempts, occurrences, consistent, phase, direction, durationMinutes, rows,
 * legalEntities, lookups, role} (repeatable). As with the flags, they win over what a case file says.
 */
final class ContextParams {
    static final List<String> NAMES = List.of("map", "status", "attempts", "occurrences", "consistent", "phase",
            "direction", "durationMinutes", "rows", "legalEntities", "lookups", "role");

    private ContextParams() {
    }

    /** The context of the query parameters, canonicalised as the CLI's flags are ({@link CaseContext.Builder}). */
    static CaseContext of(Context ctx) {
        CaseContext.Builder c = CaseContext.builder()
                .map(text(ctx, "map"))
                .status(text(ctx, "status"))
                .attempts(intOf(ctx, "attempts"))
                .occurrences(intOf(ctx, "occurrences"));
        String consistent = text(ctx, "consistent");
        if (consistent != null) {
            switch (consistent.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> c.consistent(true);
                case "false", "no", "0", "off" -> c.consistent(false);
                default -> throw ApiError.badRequest("consistent: '" + RequestBody.shorten(consistent) + "' is not true or false");
            }
        }
        Integer minutes = intOf(ctx, "durationMinutes");
        c.durationMinutes(minutes == null ? null : minutes.longValue());
        Integer rows = intOf(ctx, "rows");
        c.rowCount(rows == null ? null : rows.longValue());
        c.legalEntityCount(intOf(ctx, "legalEntities"));
        c.lookupCount(intOf(ctx, "lookups"));
        for (String role : ctx.queryParams("role")) {
            if (!role.isBlank()) {
                if (role.length() > 200) {
                    throw ApiError.badRequest("role: longer than 200 characters");
                }
                c.role(role.trim());
            }
        }
        try {
            String phase = text(ctx, "phase");
            c.phase(phase == null ? null : RequestBody.shorten(phase));
            String direction = text(ctx, "direction");
            c.direction(direction == null ? null : RequestBody.shorten(direction));
            return c.build();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 500) {
            throw ApiError.badRequest(name + ": longer than 500 characters");
        }
        return v.trim();
    }

    private static Integer intOf(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw ApiError.badRequest(name + ": cannot be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": '" + RequestBody.shorten(v) + "' is not a whole number");
        }
    }

    /** A boolean flag parameter such as {@code explain}: present and not false. */
    static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null && !v.equalsIgnoreCase("false") && !v.equals("0");
    }
}
