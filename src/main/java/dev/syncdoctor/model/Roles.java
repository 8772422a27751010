package dev.syncdoctor.model;

import java.util.Locale;

/** Role names as users type them ("sysadmin", "System administrator") folded to the documented names. */
public final class Roles {
    public static final String SYSTEM_ADMIN = "System admin";

    private Roles() {
    }

    public static String canonical(String role) {
        if (role == null) {
            return "";
        }
        String r = role.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
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
