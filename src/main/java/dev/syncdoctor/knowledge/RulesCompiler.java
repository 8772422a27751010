package dev.syncdoctor.knowledge;

/** Turns a rules folder's files into a knowledge base, or reports every problem as a {@link RulesCompileException}. */
@FunctionalInterface
public interface RulesCompiler {
    /** The classic Drools compile, with errors located by file, line and column (tables by row). */
    RulesCompiler CLASSIC = KnowledgeLoader::compile;

    /**
     * What loading uses: the {@link ConsequenceGuard} refuses rules that reach process, file, network,
     * reflection or thread APIs (unless the folder is marked trusted), then the classic compile.
     */
    RulesCompiler GUARDED = files -> {
        ConsequenceGuard.enforce(files);
        return CLASSIC.compile(files);
    };

    KnowledgeBase compile(RuleFiles files) throws RulesCompileException;
}
