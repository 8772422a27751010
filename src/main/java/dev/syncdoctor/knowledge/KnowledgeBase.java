package dev.syncdoctor.knowledge;

import java.util.List;
import org.kie.api.KieBase;

/**
 * A compiled knowledge base: the Drools {@link KieBase} shared by every evaluation (it is
 * thread-safe; sessions are not), plus what was loaded, for listings and coverage.
 */
public final class KnowledgeBase {
    private final KieBase kieBase;
    private final String origin;
    private final List<String> ruleFiles;
    private final List<String> ruleNames;
    private final List<RuleProblem> warnings;
    private final RulesInUse rulesInUse;

    KnowledgeBase(KieBase kieBase, RuleFiles source, List<String> ruleFiles, List<String> ruleNames, List<RuleProblem> warnings) {
        this.kieBase = kieBase;
        this.origin = source.origin();
        this.rulesInUse = RulesInUse.of(source);
        this.ruleFiles = List.copyOf(ruleFiles);
        this.ruleNames = List.copyOf(ruleNames);
        this.warnings = List.copyOf(warnings);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** The folder the rules came from, or "(bundled)". */
    public String origin() {
        return origin;
    }

    /** The folder and content hash every answer over these rules names. */
    public RulesInUse rulesInUse() {
        return rulesInUse;
    }

    public List<String> ruleFiles() {
        return ruleFiles;
    }

    /** Fully qualified rule names ("package.rule name"), sorted. */
    public List<String> ruleNames() {
        return ruleNames;
    }

    /** Problems that did not stop compilation (e.g. a spreadsheet Drools skips). */
    public List<RuleProblem> warnings() {
        return warnings;
    }
}
