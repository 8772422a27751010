package dev.syncdoctor.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which rules produced an answer: the folder they were read from ("bundled" for the copy in the program)
 * and a hash of their content (every file's name and bytes, nothing of time or place), so two runs over
 * the same rules name the same hash wherever they run, and an edit shows as another hash.
 */
public record RulesInUse(String folder, String hash) {
    /** The folder name given to the copy bundled in the program. */
    public static final String BUNDLED = "bundled";

    public static RulesInUse of(RuleFiles files) {
        String origin = files.origin();
        // A folder that happens to be called "bundled" is not the copy in the program.
        String folder = "(bundled)".equals(origin) ? BUNDLED : BUNDLED.equals(origin) ? "./" + origin : origin;
        return new RulesInUse(folder, hashOf(files));
    }

    /** The first 16 hex digits of the rules' content hash ({@link RuleFiles#contentHash()}). */
    public static String hashOf(RuleFiles files) {
        return files.contentHash().substring(0, 16);
    }

    public boolean bundled() {
        return BUNDLED.equals(folder);
    }

    /** The JSON form: {"folder": ..., "hash": ...}. */
    public Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", folder);
        m.put("hash", hash);
        return m;
    }

    /** For people: "rules (hash 0123456789abcdef)", or "bundled copy (hash ...)". */
    @Override
    public String toString() {
        return (bundled() ? "bundled copy" : folder) + " (hash " + hash + ")";
    }
}
