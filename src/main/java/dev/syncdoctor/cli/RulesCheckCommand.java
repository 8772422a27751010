package dev.syncdoctor.cli;

import dev.syncdoctor.knowledge.AuthoringMap;
import dev.syncdoctor.knowledge.KnowledgeCheck;
import dev.syncdoctor.knowledge.KnowledgeLoader;
import dev.syncdoctor.knowledge.RuleEntry;
import dev.syncdoctor.knowledge.RuleFiles;
import dev.syncdoctor.knowledge.RuleProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncdoctor rules check}: compiles the rules and checks them for mistakes that compile. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile the rules folder, list what it holds, and check it for mistakes that compile:",
                "findings no issue row describes, issues without steps, steps for unknown issues,",
                "duplicate issue ids, kb ids missing from the catalog, spreadsheets Drools would skip.",
                "Then it says where a new issue's pieces go in that folder, rows first:",
                "one error's recognition, codes, the issue and its steps are table rows;",
                "a DRL file only for what needs several facts."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean (warnings allowed)", "2:usage error", "4:errors found (printed as file:line:col message)"})
public final class RulesCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder. Default: $SYNCDOCTOR_RULES if set, else ./rules if present, else the rules/ of the installation the launcher belongs to, else the bundled copy.")
    Path rulesDir;

    @Option(names = {"-v", "--verbose"}, description = "List every rule with what it contributes, and the compiler's own text of each error.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleFiles files;
        try {
            files = KnowledgeLoader.read(KnowledgeOptions.rulesFolder(rulesDir));
        } catch (IOException e) {
            err.println("syncdoctor: " + e.getMessage());
            return ExitCode.INPUT;
        }
        KnowledgeCheck.Report report = KnowledgeCheck.run(files);

        out.println("rules: " + report.origin());
        out.println("loaded " + report.files().size() + " files, " + report.ruleCount() + " rules, " + report.issues().size()
                + " issues");
        Map<String, int[]> perFile = new LinkedHashMap<>();
        for (String f : report.files()) {
            perFile.put(f, new int[1]);
        }
        for (RuleEntry e : report.entries()) {
            perFile.computeIfAbsent(e.file(), k -> new int[1])[0]++;
        }
        for (Map.Entry<String, int[]> f : perFile.entrySet()) {
            out.printf("  %-48s %4d rules%n", f.getKey(), f.getValue()[0]);
        }
        out.println("issues: " + String.join(", ", report.issues()));
        List<String> whereThingsGo = AuthoringMap.lines(report);
        if (!whereThingsGo.isEmpty()) {
            out.println("where a new issue's pieces go (rows first):");
            whereThingsGo.forEach(out::println);
        }
        if (verbose) {
            for (RuleEntry e : report.entries()) {
                out.println("  " + e.location() + "  '" + e.name() + "'"
                        + (e.recognises().isEmpty() ? "" : " recognises " + e.recognises())
                        + (e.defines() == null ? "" : " defines " + e.defines() + " (kb " + e.kb() + ")")
                        + (e.stepsFor().isEmpty() ? "" : " step of " + e.stepsFor()));
            }
        }
        for (RuleProblem p : report.problems()) {
            err.println(p.format(verbose));
        }
        out.flush();
        if (!report.clean()) {
            err.println("syncdoctor: rules check found " + report.errorCount() + (report.errorCount() == 1 ? " error" : " errors"));
            return ExitCode.RULES;
        }
        out.println("OK");
        return ExitCode.OK;
    }
}
