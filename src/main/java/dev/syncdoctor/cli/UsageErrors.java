package dev.syncdoctor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot read: one line naming what is wrong (with the fix when there is a
 * likely one: "did you mean --format?"), one line pointing at --help, exit 2. The usage itself is not
 * printed: it would bury the line that matters.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("syncdoctor: " + describe(ex));
        err.println("run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the rest");
        err.flush();
        return ExitCode.INPUT;
    }

    /** The command's option nearest to a misspelt one (two edits at most: --fromat, --atempts), or null. */
    static String nearestOption(CommandLine cmd, String typed) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        String best = null;
        int bestDistance = 3;
        for (CommandLine.Model.OptionSpec option : cmd.getCommandSpec().options()) {
            for (String candidate : option.names()) {
                int d = distance(name, candidate);
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            String what = first.startsWith("-") ? "unknown option '" + first + "'" : "unexpected argument '" + first + "'";
            String likely = first.startsWith("-") ? nearestOption(ex.getCommandLine(), first) : null;
            if (likely == null && !suggestions.isEmpty()) {
                likely = suggestions.get(0);
            }
            return likely == null ? what : what + "; did you mean " + likely + "?";
        }
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage().replaceAll("\\s+", " ").trim();
        if (message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))) {
            message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        return message;
    }
}
