package dev.syncdoctor.knowledge;

/** Turns a rules folder's files into a knowledge base, or reports every problem as a {@link RulesCompileException}. */
@FunctionalInterface
public interface RulesCompiler {
    /** The classic Drools compile, with errors located by file, line and column (tables by row). */
    RulesCompiler CLASSIC = KnowledgeLoader::compile;

    KnowledgeBase compile(RuleFiles files) throws RulesCompileException;
}
