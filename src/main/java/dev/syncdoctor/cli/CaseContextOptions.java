package dev.syncdoctor.cli;

import dev.syncdoctor.ingest.CaseContext;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What the user knows about the case beyond the error text; flags win over what a case file says. */
final class CaseContextOptions {
    @Option(names = "--map", paramLabel = "NAME", description = "Table map name, e.g. \"Vendors V2\".")
    String map;

    @Option(names = "--status", paramLabel = "STATUS", description = "Map status: \"Not running\", Running, Initializing, Paused, ...")
    String status;

    @Option(names = "--attempts", paramLabel = "N", description = "How many times the initial sync was run.")
    Integer attempts;

    @Option(names = "--occurrences", paramLabel = "N", description = "How often this error was seen (2 or more: consistently).")
    Integer occurrences;

    @Option(names = "--consistent", description = "The error happens every time.")
    Boolean consistent;

    @Option(names = "--phase", paramLabel = "PHASE", description = "Where it happened: initial, live, setup, start.")
    String phase;

    @Option(names = "--direction", paramLabel = "DIR", description = "Sync direction: FO->DV or DV->FO.")
    String direction;

    @Option(names = "--duration-minutes", paramLabel = "N", description = "How long the initial sync has run (or ran), in minutes.")
    Long durationMinutes;

    @Option(names = "--rows", paramLabel = "N", description = "Rows in the table being synced (per legal entity when known).")
    Long rowCount;

    @Option(names = "--legal-entities", paramLabel = "N", description = "Legal entities (companies) linked for dual-write.")
    Integer legalEntityCount;

    @Option(names = "--lookups", paramLabel = "N", description = "Lookup fields in the table map.")
    Integer lookupCount;

    @Option(names = "--role", paramLabel = "NAME", description = "A role you hold, e.g. \"System admin\" (repeatable).")
    List<String> roles = new ArrayList<>();

    /** The context the flags give; an unknown --phase or --direction is a usage error. */
    CaseContext toContext() throws CommandFailure {
        Object[][] counts = {{"--attempts", attempts}, {"--occurrences", occurrences}, {"--duration-minutes", durationMinutes},
                {"--rows", rowCount}, {"--legal-entities", legalEntityCount}, {"--lookups", lookupCount}};
        for (Object[] count : counts) {
            if (negative((Number) count[1])) {
                throw new CommandFailure(ExitCode.INPUT, count[0] + " " + count[1] + ": a count cannot be negative; allowed: 0 or more");
            }
        }
        try {
            return CaseContext.builder().map(map).status(status).attempts(attempts).occurrences(occurrences)
                    .consistent(consistent).phase(phase).direction(direction).durationMinutes(durationMinutes)
                    .rowCount(rowCount).legalEntityCount(legalEntityCount).lookupCount(lookupCount).roles(roles)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.INPUT, "--" + e.getMessage());
        }
    }

    private static boolean negative(Number n) {
        return n != null && n.longValue() < 0;
    }
}
