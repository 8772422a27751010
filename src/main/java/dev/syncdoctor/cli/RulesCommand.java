package dev.syncdoctor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code syncdoctor rules check|test|suggest}: the tools of the people who write the knowledge. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check and test the knowledge base (rules/ and the example cases in facts/); draft rules for unrecognised errors.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesSuggestCommand.class, CommandLine.HelpCommand.class})
public final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which: rules check, rules test or rules suggest");
    }
}
