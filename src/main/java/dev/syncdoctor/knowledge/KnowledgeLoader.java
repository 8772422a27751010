package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compiles a rules folder (DRL and {@code *.drl.csv|xls|xlsx} decision tables) into a {@link KnowledgeBase}. */
public final class KnowledgeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeLoader.class);
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private KnowledgeLoader() {
    }

    /**
     * The rules of {@code dir}; when {@code dir} is null, of {@link #defaultFolder()}, else the bundled copy.
     */
    public static KnowledgeBase load(Path dir) throws IOException, RulesCompileException {
        return load(dir, null);
    }

    /**
     * As {@link #load(Path)}, through {@code cache} when it is not null: unchanged rules are reloaded
     * from their compiled form instead of being compiled again. Errors are reported the same either way.
     */
    public static KnowledgeBase load(Path dir, KnowledgeCache cache) throws IOException, RulesCompileException {
        RuleFiles files = read(dir);
        return (cache == null ? RulesCompiler.GUARDED : cache).compile(files);
    }

    /** The files of {@code dir}; when {@code dir} is null, of {@link #defaultFolder()}, else the bundled copy. */
    public static RuleFiles read(Path dir) throws IOException {
        if (dir == null) {
            Optional<Path> folder = defaultFolder();
            return folder.isPresent() ? RuleFiles.fromDirectory(folder.get()) : RuleFiles.bundled();
        }
        return RuleFiles.fromDirectory(dir);
    }

    /**
     * Set by the launchers to the installation they belong to: the checkout they sit in, or the unpacked
     * release (bin/, lib/, rules/).
     */
    public static final String HOME = "syncdoctor.home";

    /**
     * The rules folder used when none is named: {@code ./rules} if it exists, else the {@code rules/} of
     * the installation the program was started from (so an analyst's edits there count wherever the
     * command runs, with no build); empty when neither exists (then the copy bundled in the program).
     */
    public static Optional<Path> defaultFolder() {
        Path local = Path.of("rules");
        if (Files.isDirectory(local)) {
            return Optional.of(local);
        }
        String home = System.getProperty(HOME);
        if (home != null && !home.isBlank()) {
            Path installed = Path.of(home, "rules");
            if (Files.isDirectory(installed)) {
                return Optional.of(installed);
            }
        }
        return Optional.empty();
    }

    public static KnowledgeBase compile(RuleFiles source) throws RulesCompileException {
        long start = System.nanoTime();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A fresh release id per build keeps two knowledge bases in one process apart.
        ReleaseId releaseId = ks.newReleaseId("dev.syncdoctor.rules", "kb" + BUILDS.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);

        List<String> ruleFiles = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
            String name = file.getKey();
            if (RuleFiles.isRuleFile(name)) {
                kfs.write(RESOURCES + name, file.getValue());
                ruleFiles.add(name);
            } else if (RuleFiles.isSkippedSpreadsheet(name)) {
                warnings.add(new RuleProblem(name, 0, 0,
                        "spreadsheet is not loaded: decision tables must be named *.drl.csv, *.drl.xls or *.drl.xlsx", false));
            }
        }
        if (ruleFiles.isEmpty()) {
            throw new RulesCompileException(List.of(new RuleProblem(source.origin(), 0, 0, "no rule files (*.drl, *.drl.csv, *.drl.xlsx) found", true)));
        }
        // What analysts wrote is checked against the model first: a wrong cell is then one line in their
        // words, not compiler errors in generated code (or a rule that fails every case at run time).
        List<RuleProblem> authored = AuthoringCheck.run(source);
        if (authored.stream().anyMatch(RuleProblem::error)) {
            throw new RulesCompileException(authored);
        }
        warnings.addAll(authored);

        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            // Decision-table parsers throw instead of reporting; turn that into a located problem.
            throw new RulesCompileException(List.of(problemOf(e, ruleFiles)));
        }
        List<RuleProblem> errors = new ArrayList<>();
        java.util.Set<String> syntaxFiles = new java.util.LinkedHashSet<>();
        for (Message m : builder.getResults().getMessages()) {
            RuleProblem p = problemOf(m);
            (p.error() ? errors : warnings).add(p);
            if (p.error() && m.getText() != null && m.getText().startsWith("[ERR ")) {
                syntaxFiles.add(p.file());
            }
        }
        // "Parser returned a null Package" only repeats that a file had parse errors already listed.
        if (errors.size() > 1) {
            errors.removeIf(p -> p.message().startsWith("Parser returned a null Package")
                    && errors.stream().anyMatch(o -> o != p && java.util.Objects.equals(o.file(), p.file())));
        }
        if (!errors.isEmpty()) {
            throw new RulesCompileException(CompilerMessages.firstCauses(locateInTables(errors, source), syntaxFiles, source));
        }
        KieContainer container = ks.newKieContainer(releaseId);
        var kieBase = container.getKieBase();
        List<String> names = ruleNamesOf(kieBase);
        LOG.debug("compiled {} rules from {} files in {} ms", names.size(), ruleFiles.size(), (System.nanoTime() - start) / 1_000_000);
        return new KnowledgeBase(kieBase, source, ruleFiles, names, warnings);
    }

    /** Fully qualified names of the rules of {@code kieBase}, sorted. */
    static List<String> ruleNamesOf(KieBase kieBase) {
        List<String> names = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                names.add(pkg.getName() + "." + r.getName());
            }
        }
        names.sort(null);
        return names;
    }

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("\\b(?:cell|in cell) ([A-Z]{1,3})(\\d{1,7})\\b");
    private static final java.util.regex.Pattern BRACKETED_FILE = java.util.regex.Pattern.compile("^\\[([^\\]]{1,500})\\]\\s*");

    private static final java.util.regex.Pattern DRL_POSITION =
            java.util.regex.Pattern.compile("^(?:\\[ERR \\d{1,6}\\] )?Line (\\d{1,7}):(\\d{1,7}) ");

    /** Problems in a decision table point at the generated DRL; point them at the spreadsheet row instead. */
    private static List<RuleProblem> locateInTables(List<RuleProblem> problems, RuleFiles source) {
        Map<String, RuleSource> tables = new java.util.HashMap<>();
        List<RuleProblem> out = new ArrayList<>(problems.size());
        for (RuleProblem p : problems) {
            String file = p.file();
            if (file == null || file.toLowerCase(java.util.Locale.ROOT).endsWith(".drl") || !source.files().containsKey(file)) {
                out.add(p);
                continue;
            }
            RuleSource table;
            try {
                table = tables.computeIfAbsent(file, f -> RuleSource.of(f, source.files().get(f)));
            } catch (RuntimeException e) {
                out.add(p);
                continue;
            }
            int row = table.lineForPeople(p.line());
            String where = p.line() > 0 ? " (generated DRL line " + p.line() + ")" : "";
            out.add(new RuleProblem(file, row, 0, "row " + row + ": " + p.message() + where, true));
        }
        return out;
    }

    /** A compiler message as file:line:col; the parser puts the column only in its text ("[ERR 101] Line 5:16 ..."). */
    static RuleProblem problemOf(Message m) {
        String text = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ").trim();
        int line = Math.max(0, m.getLine());
        int column = Math.max(0, m.getColumn());
        var pm = DRL_POSITION.matcher(text);
        if (pm.find()) {
            line = line > 0 ? line : Integer.parseInt(pm.group(1));
            column = column > 0 ? column : Integer.parseInt(pm.group(2));
            text = text.substring(pm.end());
        }
        return new RuleProblem(relative(m.getPath()), line, column, text, m.getLevel() == Message.Level.ERROR);
    }

    /** A parse failure thrown by a decision-table reader, with the file and the row (as line) and column when it names a cell. */
    static RuleProblem problemOf(RuntimeException e, List<String> files) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replaceAll("\\s+", " ").trim();
        String file = null;
        var fm = BRACKETED_FILE.matcher(message);
        if (fm.find()) {
            file = fm.group(1);
            message = message.substring(fm.end());
        }
        if (file != null) {
            for (String f : files) {
                if (f.equals(file) || f.endsWith("/" + file)) {
                    file = f;
                    break;
                }
            }
        }
        int line = 0;
        int column = 0;
        var cm = CELL.matcher(message);
        if (cm.find()) {
            line = Integer.parseInt(cm.group(2));
            column = columnNumber(cm.group(1));
        }
        return new RuleProblem(file, line, column, message, true);
    }

    /** Spreadsheet column letters to a 1-based number: A=1, Z=26, AA=27. */
    static int columnNumber(String letters) {
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            n = n * 26 + (letters.charAt(i) - 'A' + 1);
        }
        return n;
    }

    private static String relative(String path) {
        if (path == null) {
            return null;
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }
}
