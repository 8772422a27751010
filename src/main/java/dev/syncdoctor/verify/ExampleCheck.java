package dev.syncdoctor.verify;

import dev.syncdoctor.ingest.CaseContext;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.ingest.InputException;
import dev.syncdoctor.model.CaseFacts;
import dev.syncdoctor.plan.CaseResult;
import dev.syncdoctor.plan.Diagnostician;
import dev.syncdoctor.plan.IssueDiagnosis;
import dev.syncdoctor.plan.PlannedRequirement;
import dev.syncdoctor.plan.PlannedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Runs an example through the same path as {@code diagnose} and compares the result with its expectation. */
public final class ExampleCheck {
    private final Diagnostician diagnostician;
    private final CaseReader reader;

    public ExampleCheck(Diagnostician diagnostician) {
        this.diagnostician = diagnostician;
        this.reader = new CaseReader(CaseReader.DEFAULT_MAX_BYTES);
    }

    public CheckResult check(ExampleCase example) {
        Expectation expected = example.expectation();
        if (expected == null) {
            return new CheckResult(example, List.of("no expected result (add an \"expected\" field, or "
                    + ExampleCorpus.sidecarOf(example.input()).getFileName() + " beside a raw text)"), null);
        }
        List<CaseFacts> cases;
        try {
            cases = reader.read(example.input());
        } catch (InputException e) {
            CaseResult invalid = CaseResult.invalid(example.name(), null, e.getMessage());
            return new CheckResult(example, compare(expected, invalid), invalid);
        }
        if (cases.size() != 1) {
            return new CheckResult(example, List.of("an example holds exactly one case; found " + cases.size()), null);
        }
        CaseFacts facts = cases.get(0);
        if (expected.context() != null) {
            toContext(expected.context()).applyTo(facts.getSyncCase());
        }
        CaseResult actual = diagnostician.diagnose(facts);
        return new CheckResult(example, compare(expected, actual), actual);
    }

    /** The context of a sidecar, canonicalised as {@code diagnose} canonicalises its flags. */
    static CaseContext toContext(Expectation.ExampleContext c) {
        return CaseContext.builder().map(c.map()).status(c.status()).attempts(c.attempts()).occurrences(c.occurrences())
                .consistent(c.consistent()).phase(c.phase()).direction(c.direction()).durationMinutes(c.durationMinutes())
                .rowCount(c.rowCount()).legalEntityCount(c.legalEntityCount()).lookupCount(c.lookupCount())
                .roles(c.roles()).build();
    }

    /** Every way {@code actual} differs from {@code expected}, each as "what: expected X, got Y". */
    public static List<String> compare(Expectation expected, CaseResult actual) {
        List<String> diffs = new ArrayList<>();
        if (expected.status() != null && !expected.status().equalsIgnoreCase(actual.status().label())) {
            diffs.add("status: expected " + expected.status() + ", got " + actual.status().label()
                    + (actual.error() == null ? "" : " (" + actual.error() + ")"));
        }
        if (expected.issues() != null) {
            Set<String> want = new TreeSet<>(expected.issues());
            Set<String> got = new TreeSet<>();
            for (IssueDiagnosis d : actual.diagnoses()) {
                got.add(d.issue());
            }
            if (!want.equals(got)) {
                diffs.add("issues: expected " + want + ", got " + got);
            }
        }
        if (expected.kb() != null) {
            Set<String> want = new TreeSet<>(expected.kb());
            Set<String> got = new TreeSet<>();
            for (IssueDiagnosis d : actual.diagnoses()) {
                got.add(d.kb());
            }
            if (!want.equals(got)) {
                diffs.add("kb: expected " + want + ", got " + got);
            }
        }
        if (expected.requirements() != null) {
            if (expected.requirements().isEmpty() && !actual.requirements().isEmpty()) {
                diffs.add("requirements: expected none, got " + describe(actual.requirements()));
            }
            for (Expectation.ExpectedRequirement want : expected.requirements()) {
                boolean found = false;
                for (PlannedRequirement got : actual.requirements()) {
                    if ((want.kind() == null || want.kind().equalsIgnoreCase(got.kind()))
                            && want.name() != null && want.name().equalsIgnoreCase(got.name())
                            && (want.held() == null || want.held() == got.held())) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    diffs.add("requirements: expected " + want.kind() + " '" + want.name() + "'"
                            + (want.held() == null ? "" : want.held() ? " held" : " not held") + ", got "
                            + describe(actual.requirements()));
                }
            }
        }
        if (expected.steps() != null) {
            List<PlannedStep> steps = actual.actions();
            for (int i = 0; i < expected.steps().size(); i++) {
                String want = expected.steps().get(i);
                if (i >= steps.size()) {
                    diffs.add("step " + (i + 1) + ": expected '" + want + "', got no step (plan has " + steps.size() + ")");
                } else if (!steps.get(i).text().toLowerCase(Locale.ROOT).contains(want.toLowerCase(Locale.ROOT))) {
                    diffs.add("step " + (i + 1) + ": expected '" + want + "', got '" + steps.get(i).text() + "'");
                }
            }
        }
        if (expected.unexplained() != null && expected.unexplained() != actual.unexplained().size()) {
            diffs.add("unexplained: expected " + expected.unexplained() + " errors, got " + actual.unexplained().size());
        }
        return diffs;
    }

    private static String describe(List<PlannedRequirement> reqs) {
        if (reqs.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (PlannedRequirement r : reqs) {
            out.add(r.kind() + " '" + r.name() + "'" + (r.held() ? " held" : " not held"));
        }
        return String.join(", ", out);
    }
}
