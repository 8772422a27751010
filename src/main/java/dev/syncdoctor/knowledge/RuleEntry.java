package dev.syncdoctor.knowledge;

import java.util.Set;

/**
 * What one rule contributes to the knowledge, read from its source: the issues it recognises
 * (inserts a {@code Finding} for), the issue it defines (turns a finding into a {@code Diagnosis}
 * with a {@code kb} id), and the issues it gives steps for.
 *
 * @param line line in a DRL file, or row in a decision table
 */
public record RuleEntry(String file, int line, String name, Set<String> recognises, String defines, String kb,
                        Set<String> stepsFor) {

    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
