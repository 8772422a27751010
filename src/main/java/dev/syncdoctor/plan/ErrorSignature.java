package dev.syncdoctor.plan;

import java.util.regex.Pattern;

/**
 * The shape of an error message with its variable parts masked (URLs, GUIDs, quoted values, numbers,
 * record ids, entity names), so the same unknown error from many environments groups as one.
 * Every pattern here is free of nested quantifiers: linear in the message length.
 */
public final class ErrorSignature {
    private static final int MAX_LENGTH = 300;
    /** A URL, with the OData filter clauses that follow it after spaces (" eq 'CN-001'"). */
    private static final Pattern URL = Pattern.compile("https?://\\S++(?: (?:eq|ne|and|or) \\S++)*+");
    private static final Pattern GUID = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]++\\b");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]{0,200}+'|\"[^\"\\n]{0,200}+\"");
    private static final Pattern RECORD = Pattern.compile("(?i)(Record Id: )[^,]{1,80}+");
    private static final Pattern ENTITY = Pattern.compile("\\b[A-Za-z]++_[A-Za-z0-9_]++(?:\\.[A-Za-z0-9_]++)*+");
    private static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z]:\\\\\\S++(?:(?<=:line) \\d++)?+");
    private static final Pattern NUMBER = Pattern.compile("\\b[A-Z]{0,4}+-?\\d[\\d.,:-]*+\\b");
    private static final Pattern SPACE = Pattern.compile("\\s++");

    private ErrorSignature() {
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String s = message.length() > 4 * MAX_LENGTH ? message.substring(0, 4 * MAX_LENGTH) : message;
        s = URL.matcher(s).replaceAll("<url>");
        s = WINDOWS_PATH.matcher(s).replaceAll("<path>");
        s = GUID.matcher(s).replaceAll("<guid>");
        s = HEX.matcher(s).replaceAll("<hex>");
        s = RECORD.matcher(s).replaceAll("$1<record>");
        s = QUOTED.matcher(s).replaceAll("<value>");
        s = ENTITY.matcher(s).replaceAll("<entity>");
        s = NUMBER.matcher(s).replaceAll("<n>");
        s = SPACE.matcher(s).replaceAll(" ").trim();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
