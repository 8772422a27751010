package dev.syncdoctor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules are code: a DRL consequence (or a function, or an expression in a condition) is Java that runs
 * with the rights of whoever runs syncdoctor. This guard refuses rule text that reaches the process
 * (exit, halt, new processes), files, the network, reflection and class loading, or threads, naming the
 * rule and the line. It reads the DRL (decision tables as the DRL Drools generates from them, located by
 * row) with comments and string literals blanked out and unicode escapes decoded, as the compiler sees it.
 *
 * <p>It is a guard against accidents and the obvious, not a sandbox: Java offers too many doors to close
 * them all by reading text. Load only rules you trust (see the security notes). A folder whose maintainers
 * vouch for code that needs such APIs is marked trusted by a file named {@value #TRUSTED_MARKER} at its
 * root; the guard then reports the same findings as warnings.
 */
public final class ConsequenceGuard {
    /** A file of this name at the root of a rules folder marks its code as trusted. */
    public static final String TRUSTED_MARKER = "TRUSTED";

    private static final String Q = "\\s*+\\.\\s*+";
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(?:"
            + "(?<exit>System\\s*+(?:\\.|::)\\s*+(?:exit|halt)|Runtime|ProcessBuilder|ProcessHandle|Process)"
            + "|(?<system>System\\s*+(?:\\.|::)\\s*+(?:load|loadLibrary|setProperty|setProperties|clearProperty|getenv|setIn|setOut|setErr|setSecurityManager|console|mapLibraryName))"
            + "|(?<file>java" + Q + "(?:io|nio)|File|Files|Path|Paths|FileSystems?|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|FileChannel|PrintWriter|Scanner)"
            + "|(?<network>java" + Q + "net|javax" + Q + "net|Socket|ServerSocket|DatagramSocket|SocketChannel|URL|URI|URLConnection|HttpURLConnection|HttpClient|InetAddress|InetSocketAddress)"
            + "|(?<reflection>java" + Q + "lang" + Q + "(?:reflect|invoke)|Class|ClassLoader|URLClassLoader|Method|Field|Constructor|MethodHandles?|VarHandle|Unsafe|Proxy|ScriptEngine|ScriptEngineManager"
            + "|getClass|forName|setAccessible|getDeclared\\w*+|getMethods?|getFields?|getConstructors?|newInstance|invoke|defineClass|sun" + Q + "\\w++|jdk" + Q + "internal)"
            + "|(?<thread>Thread|ThreadGroup|ThreadLocal|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer|TimerTask|java" + Q + "util" + Q + "concurrent)"
            + ")\\b");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*+(?:rule|function\\s++[\\w.<>\\[\\]]++)\\s++(?:\"([^\"\\n]*+)\"|'([^'\\n]*+)'|([\\w$]++))");

    private static final Pattern CODE_HEADER = Pattern.compile("^\\s*+(?:rule|function)\\b");

    private ConsequenceGuard() {
    }

    /** Whether the folder's maintainers marked its code as trusted. */
    public static boolean trusted(RuleFiles files) {
        return files.files().containsKey(TRUSTED_MARKER);
    }

    /**
     * Every use of a forbidden API in the rule files, as errors, or as warnings when the folder is trusted.
     * A decision table that cannot be read is left to the compiler, which reports it.
     */
    public static List<RuleProblem> check(RuleFiles files) {
        boolean trusted = trusted(files);
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource source : RuleSource.allOf(files, (file, e) -> { })) {
            scan(source, !trusted, problems);
        }
        return problems;
    }

    /** Throws when an untrusted folder reaches a forbidden API; what loading calls before compiling. */
    public static void enforce(RuleFiles files) throws RulesCompileException {
        if (trusted(files)) {
            return;
        }
        List<RuleProblem> problems = check(files);
        if (!problems.isEmpty()) {
            throw new RulesCompileException(problems);
        }
    }

    private static void scan(RuleSource source, boolean error, List<RuleProblem> problems) {
        String original = decodeUnicodeEscapes(source.drl);
        String code = blankCommentsAndStrings(original);
        String[] originalLines = original.split("\n", -1);
        String[] lines = code.split("\n", -1);
        String unit = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher header = RULE_HEADER.matcher(originalLines[i]);
            // A header in the code itself, not in a comment (the blanked line keeps its keywords).
            if (header.find() && CODE_HEADER.matcher(lines[i]).lookingAt()) {
                String name = header.group(1) != null ? header.group(1) : header.group(2) != null ? header.group(2) : header.group(3);
                unit = (originalLines[i].trim().startsWith("function") ? "function '" : "rule '") + name + "'";
            }
            Matcher m = FORBIDDEN.matcher(lines[i]);
            while (m.find()) {
                String what = kindOf(m);
                int line = source.lineForPeople(i + 1);
                String where = unit == null ? "the file's header (import, global or declare)" : unit;
                String message = where + " uses " + m.group().replaceAll("\\s++", "") + ": " + what
                        + " APIs are refused in rules (rules run with your rights);"
                        + " mark a folder you trust with a file named " + TRUSTED_MARKER + " to allow them";
                problems.add(new RuleProblem(source.file, line, source.table ? 0 : m.start() + 1,
                        source.table ? "row " + line + ": " + message : message, error));
            }
        }
    }

    private static String kindOf(Matcher m) {
        for (String g : new String[] {"exit", "system", "file", "network", "reflection", "thread"}) {
            if (m.group(g) != null) {
                return switch (g) {
                    case "exit" -> "process and exit";
                    case "system" -> "system";
                    case "file" -> "file";
                    case "network" -> "network";
                    case "reflection" -> "reflection and class-loading";
                    default -> "thread";
                };
            }
        }
        return "forbidden";
    }

    /** Java reads {@code \u0065} as {@code e} anywhere in source: so does the guard. */
    static String decodeUnicodeEscapes(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length()) {
                    try {
                        b.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                        i = j + 3;
                        continue;
                    } catch (NumberFormatException e) {
                        // not an escape: keep the text
                    }
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The text with comments and string/char literals replaced by spaces, line breaks kept. */
    static String blankCommentsAndStrings(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    b.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                b.append("  ");
                i += 2;
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    b.append(s.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                if (i < n) {
                    b.append("  ");
                    i += 2;
                }
            } else if (c == '"' || c == '\'') {
                char quote = c;
                b.append(' ');
                i++;
                while (i < n && s.charAt(i) != quote && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n && s.charAt(i + 1) != '\n') {
                        b.append(' ');
                        i++;
                    }
                    b.append(' ');
                    i++;
                }
                if (i < n && s.charAt(i) == quote) {
                    b.append(' ');
                    i++;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
