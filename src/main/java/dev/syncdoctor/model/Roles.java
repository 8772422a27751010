package dev.syncdoctor.model;

import java.util.Locale;

/** Role names as users type them ("sysadmin", "System administrator") folded to the documented names. */
public final class Roles {
    public static final String SYSTEM_ADMIN = "System admin";

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_-]++");

    private Roles() {
    }

    public static String canonical(String role) {
        if (role == null) {
            return "";
        }
        String r = SEPARATORS.matcher(role.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        switch (r) {
            case "system admin":
            case "system administrator":
            case "sysadmin":
            case "sys admin":
            case "admin":
                return SYSTEM_ADMIN.toLowerCase(Locale.ROOT);
            default:
                return r;
        }
    }
}
