package dev.syncdoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads what each rule contributes (recognises, defines, gives steps for) from the rule sources, so
 * the knowledge can be checked for mistakes that compile: a finding no issue row turns into a
 * diagnosis, an issue without steps, steps for an issue nothing produces, duplicate issue ids.
 * The conventions it reads are those of the bundled rules and the authoring guide.
 */
public final class KnowledgeInventory {
    private static final Pattern FINDING = Pattern.compile("(?:new\\s++Finding\\s*+\\(|Finding\\s*+\\.\\s*+draft\\s*+\\()\\s*+\"([^\"\\n]{1,200}+)\"");
    private static final Pattern DEFINES = Pattern.compile("Diagnosis\\s*+\\.\\s*+draft\\s*+\\(\\s*+\\$?\\w++\\s*+,\\s*+\"([^\"\\n]{1,200}+)\"");
    private static final Pattern NEW_DIAGNOSIS = Pattern.compile("new\\s++Diagnosis\\s*+\\(\\s*+\\$?\\w++\\s*+,\\s*+\"([^\"\\n]{1,200}+)\"");
    private static final Pattern ISSUE_EQUALS = Pattern.compile("issue\\s*+==\\s*+\"([^\"\\n]{1,200}+)\"");
    private static final Pattern STEP = Pattern.compile("Action\\s*+\\.\\s*+draft\\s*+\\(|new\\s++Action\\s*+\\(");

    private final List<RuleEntry> entries;
    private final List<RuleProblem> problems;

    private KnowledgeInventory(List<RuleEntry> entries, List<RuleProblem> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    public static KnowledgeInventory of(RuleFiles files) {
        List<RuleEntry> entries = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : RuleSource.allOf(files, (file, e) -> {
            RuleProblem p = KnowledgeLoader.problemOf(e, List.of(file));
            problems.add(p.file() != null ? p : new RuleProblem(file, p.line(), p.column(), p.message(), true));
        })) {
            read(source, entries, problems);
        }
        return new KnowledgeInventory(entries, problems);
    }

    private static void read(RuleSource source, List<RuleEntry> entries, List<RuleProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl);
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(source.file, 0, 0, e.getMessage(), true));
            return;
        }
        if (pkg == null || parser.hasErrors()) {
            int curly = source.table ? 0 : CompilerMessages.curlyQuoteLine(source.drl);
            if (curly > 0) {
                // Told as the compile tells it: the parser's own words ("no viable alternative") help nobody.
                problems.add(new RuleProblem(source.file, curly, 0, CompilerMessages.CURLY_QUOTES, true));
                return;
            }
            // The compiler reports parse errors with their positions; what the file holds is unknown.
            String first = parser.getErrors().isEmpty() ? "" : ": " + parser.getErrors().get(0).getMessage();
            problems.add(new RuleProblem(source.file, 0, 0, "not read: the file has syntax errors" + first, true));
            return;
        }
        String[] lines = source.drl.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            String text = textOf(rule, lines);
            String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            String conditions = text.replace(consequence, "");
            Set<String> recognises = all(FINDING, consequence);
            String kb = first(DEFINES, consequence);
            if (kb == null) {
                kb = first(NEW_DIAGNOSIS, consequence);
            }
            String defines = null;
            Set<String> stepsFor = new LinkedHashSet<>();
            Set<String> issuesMatched = all(ISSUE_EQUALS, conditions);
            if (kb != null && conditions.contains("Finding")) {
                defines = issuesMatched.isEmpty() ? null : issuesMatched.iterator().next();
            }
            if (STEP.matcher(consequence).find() && conditions.contains("Diagnosis")) {
                stepsFor.addAll(issuesMatched);
            }
            int line = source.lineForPeople(rule.getLine());
            entries.add(new RuleEntry(source.file, line, rule.getName(), recognises,
                    defines, kb, stepsFor));
        }
    }

    static String textOf(RuleDescr rule, String[] lines) {
        int from = Math.max(1, rule.getLine());
        int to = rule.getEndLine() >= from ? rule.getEndLine() : lines.length;
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= Math.min(to, lines.length); i++) {
            b.append(lines[i - 1]).append('\n');
        }
        return b.toString();
    }

    private static Set<String> all(Pattern p, String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    public List<RuleEntry> entries() {
        return entries;
    }

    /**
     * Files that could not be read (malformed tables, DRL with syntax errors): the inventory lacks what
     * they hold. Their errors in detail come from the loader.
     */
    public List<RuleProblem> problems() {
        return problems;
    }
}
