package dev.syncdoctor.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Compiler errors in the words of the analyst who wrote the rule: the first cause only (a file that
 * does not parse makes Drools report the types it declared as missing in other files too), the known
 * mistakes explained (curly quotes, a word where a value belongs, a field the fact does not have). The
 * compiler's own text stays with each problem for {@code --verbose}.
 */
final class CompilerMessages {
    private static final Pattern CURLY = Pattern.compile("[\u201C\u201D\u2018\u2019\u201E\u201F]");
    private static final Pattern UNRESOLVED = Pattern.compile("(?:Rule Compilation error )?(\\$?\\w++) cannot be resolved(?: to a variable)?");
    private static final Pattern NO_METHOD = Pattern.compile("unable to resolve method using strict-mode: (?:[\\w$]+\\.)*(\\w+)\\.(\\w+)\\(\\)");
    private static final Pattern NO_FIELD = Pattern.compile("Unable to find (?:field|property) '?(\\w++)'?.{0,80}? (?:of|on|in) (?:class |type )?(?:[\\w$]+\\.)*(\\w+)");
    private static final Pattern ALREADY_DEFINED = Pattern.compile("The type Rule_\\S++ is already defined");

    /** What a line with curly quotes gets told, wherever the file is read. */
    static final String CURLY_QUOTES = "curly quotes (\u201C \u201D) must be straight quotes (\"): "
            + "retype the quotes of this line in a plain-text editor";

    private CompilerMessages() {
    }

    /**
     * The problems to show for a failed compile. {@code syntaxFiles} are the files with parse errors:
     * when there are any, only their problems are causes.
     */
    static List<RuleProblem> firstCauses(List<RuleProblem> errors, Set<String> syntaxFiles, RuleFiles source) {
        List<RuleProblem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> curlyReported = new LinkedHashSet<>();
        for (RuleProblem p : errors) {
            if (!syntaxFiles.isEmpty() && !syntaxFiles.contains(p.file())) {
                continue;
            }
            if (ALREADY_DEFINED.matcher(p.message()).find()) {
                continue; // a duplicate rule name, reported before the compile
            }
            if (syntaxFiles.contains(p.file())) {
                int curly = curlyQuoteLine(source, p.file());
                if (curly > 0) {
                    if (curlyReported.add(p.file())) {
                        out.add(new RuleProblem(p.file(), curly, 0, CURLY_QUOTES, true, null, p.message()));
                    }
                    continue;
                }
            }
            RuleProblem restated = restate(p, source);
            if (seen.add(restated.file() + ":" + restated.line() + ":" + restated.message())) {
                out.add(restated);
            }
        }
        return out.isEmpty() ? errors : out;
    }

    private static RuleProblem restate(RuleProblem p, RuleFiles source) {
        String text = p.message();
        Matcher m = NO_METHOD.matcher(text);
        Matcher f = NO_FIELD.matcher(text);
        String fact = null;
        String field = null;
        if (m.find()) {
            fact = m.group(1);
            field = m.group(2);
        } else if (f.find()) {
            fact = f.group(2);
            field = f.group(1);
        }
        if (fact != null) {
            Class<?> type = AllowedValues.factClass(fact);
            if (type != null) {
                return located(p, source, fact + " has no field '" + field + "'; allowed: " + String.join(", ", AllowedValues.fieldsOf(type)));
            }
        }
        Matcher u = UNRESOLVED.matcher(text);
        if (u.find() && !text.contains("to a type")) {
            String word = u.group(1);
            String message = word.startsWith("$")
                    ? word + " is not bound in this rule: bind it in the when part (" + word + " : SyncError( ... ))"
                    : "'" + word + "' is not a value here; allowed: a number (1), text in double quotes (\"" + word
                    + "\") or a $variable bound in the when part";
            return located(p, source, message);
        }
        return p;
    }

    /** The restated problem, with the DRL rule that holds its line named when the file is DRL. */
    private static RuleProblem located(RuleProblem p, RuleFiles source, String message) {
        String rule = p.file() == null || !p.file().toLowerCase(Locale.ROOT).endsWith(".drl") ? null : ruleAt(source, p.file(), p.line());
        RuleProblem out = p.restated(message);
        if (rule != null) {
            out = new RuleProblem(out.file(), out.line(), 0, out.message(), true, "rule \"" + rule + "\"", out.raw());
        }
        return out;
    }

    private static String ruleAt(RuleFiles source, String file, int line) {
        byte[] content = source.files().get(file);
        if (content == null || line <= 0) {
            return null;
        }
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, new String(content, StandardCharsets.UTF_8));
            if (pkg == null) {
                return null;
            }
            for (RuleDescr r : pkg.getRules()) {
                if (r.getLine() <= line && (r.getEndLine() <= 0 || line <= r.getEndLine())) {
                    return r.getName();
                }
            }
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The first line of a DRL file with a curly quote outside a straight-quoted string, or 0. */
    private static int curlyQuoteLine(RuleFiles source, String file) {
        byte[] content = file == null ? null : source.files().get(file);
        return content == null ? 0 : curlyQuoteLine(new String(content, StandardCharsets.UTF_8));
    }

    /** The first line of DRL {@code text} with a curly quote outside a straight-quoted string, or 0. */
    static int curlyQuoteLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean quoted = false;
            String l = lines[i];
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (c == '\\' && quoted) {
                    j++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && CURLY.matcher(String.valueOf(c)).matches()) {
                    return i + 1;
                } else if (!quoted && c == '/' && j + 1 < l.length() && l.charAt(j + 1) == '/') {
                    break;
                }
            }
        }
        return 0;
    }
}
