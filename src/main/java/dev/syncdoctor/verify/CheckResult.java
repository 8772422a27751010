package dev.syncdoctor.verify;

import dev.syncdoctor.plan.CaseResult;
import java.util.List;

/** One example checked: what differed from its expectation (empty when it passed) and what it produced. */
public record CheckResult(ExampleCase example, List<String> differences, CaseResult actual) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
