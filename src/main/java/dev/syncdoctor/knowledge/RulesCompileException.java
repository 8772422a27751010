package dev.syncdoctor.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder did not compile; carries every problem found, not only the first. */
public class RulesCompileException extends Exception {
    private final transient List<RuleProblem> problems;

    public RulesCompileException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
