package dev.syncdoctor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a rules folder for what breaks it: compile errors, and mistakes that compile but leave a
 * user without an answer (a finding no issue row describes, an issue without steps, steps nothing
 * can reach, a duplicate issue id); what each cell and rule says is checked by the compile
 * ({@link AuthoringCheck}: typed values, kb ids, roles, placeholders, rule names).
 */
public final class KnowledgeCheck {
    /** The catalog the kb ids refer to, shipped inside the rules folder. */
    public static final String CATALOG = "catalog.json";
    private static final Pattern ISSUE_ID = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");

    private KnowledgeCheck() {
    }

    /** The outcome: what was loaded, and every problem (errors and warnings) in file order. */
    public record Report(String origin, List<String> files, int ruleCount, Set<String> issues, List<RuleEntry> entries,
                         List<RuleProblem> problems) {

        public boolean clean() {
            return problems.stream().noneMatch(RuleProblem::error);
        }

        public long errorCount() {
            return problems.stream().filter(RuleProblem::error).count();
        }
    }

    public static Report run(RuleFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        int ruleCount = 0;
        List<String> ruleFiles = new ArrayList<>();
        for (String name : files.files().keySet()) {
            if (RuleFiles.isRuleFile(name)) {
                ruleFiles.add(name);
            }
        }
        try {
            KnowledgeBase kb = KnowledgeLoader.compile(files);
            ruleCount = kb.ruleNames().size();
            problems.addAll(kb.warnings());
        } catch (RulesCompileException e) {
            problems.addAll(e.problems());
        }
        // Rules are code: what they may reach is checked apart from what they mean.
        problems.addAll(ConsequenceGuard.check(files));
        KnowledgeInventory inventory = KnowledgeInventory.of(files);
        Set<String> reported = new java.util.HashSet<>();
        for (RuleProblem p : problems) {
            if (p.error()) {
                reported.add(p.file());
            }
        }
        // A file the inventory could not read was reported by the compile already; what it holds is
        // unknown, so checks across files (an issue without steps...) would only repeat that cause.
        boolean complete = inventory.problems().isEmpty();
        for (RuleProblem p : inventory.problems()) {
            if (!reported.contains(p.file())) {
                problems.add(p);
            }
        }

        Map<String, List<RuleEntry>> definitions = new LinkedHashMap<>();
        Map<String, List<RuleEntry>> recognisers = new LinkedHashMap<>();
        Map<String, List<RuleEntry>> steps = new LinkedHashMap<>();
        for (RuleEntry e : inventory.entries()) {
            if (e.defines() != null) {
                definitions.computeIfAbsent(e.defines(), k -> new ArrayList<>()).add(e);
            }
            for (String issue : e.recognises()) {
                recognisers.computeIfAbsent(issue, k -> new ArrayList<>()).add(e);
            }
            for (String issue : e.stepsFor()) {
                steps.computeIfAbsent(issue, k -> new ArrayList<>()).add(e);
            }
        }
        catalogIds(files, problems);
        if (!complete) {
            return new Report(files.origin(), ruleFiles, ruleCount, new TreeSet<>(definitions.keySet()), inventory.entries(),
                    problems);
        }

        for (Map.Entry<String, List<RuleEntry>> d : definitions.entrySet()) {
            String issue = d.getKey();
            RuleEntry first = d.getValue().get(0);
            if (d.getValue().size() > 1) {
                for (RuleEntry dup : d.getValue().subList(1, d.getValue().size())) {
                    problems.add(at(dup, "issue '" + issue + "' is defined twice (also at " + first.location() + ")", true));
                }
            }
            if (!ISSUE_ID.matcher(issue).matches()) {
                problems.add(at(first, "issue id '" + issue + "' is not kebab-case (e.g. dixf-service-stopped)", false));
            }
            if (!steps.containsKey(issue)) {
                problems.add(at(first, "issue '" + issue + "' has no steps: add rows to a steps table or a rule that inserts Action for it", true));
            }
            if (!recognisers.containsKey(issue)) {
                problems.add(at(first, "issue '" + issue + "' is never recognised: no rule inserts a Finding for it", true));
            }
        }
        for (Map.Entry<String, List<RuleEntry>> r : recognisers.entrySet()) {
            if (!definitions.containsKey(r.getKey())) {
                for (RuleEntry e : r.getValue()) {
                    problems.add(at(e, "rule '" + e.name() + "' recognises issue '" + r.getKey()
                            + "', which no issue row defines: its findings would never become a diagnosis", true));
                }
            }
        }
        for (Map.Entry<String, List<RuleEntry>> s : steps.entrySet()) {
            if (!definitions.containsKey(s.getKey())) {
                for (RuleEntry e : s.getValue()) {
                    problems.add(at(e, "step '" + e.name() + "' is for issue '" + s.getKey() + "', which no issue row defines", true));
                }
            }
        }
        return new Report(files.origin(), ruleFiles, ruleCount, new TreeSet<>(definitions.keySet()), inventory.entries(),
                problems);
    }

    private static RuleProblem at(RuleEntry e, String message, boolean error) {
        return new RuleProblem(e.file(), e.line(), 0, message, error);
    }

    /** The ids of the catalog in the rules folder, or null (with a warning or error) when there is none or it is not JSON. */
    private static Set<String> catalogIds(RuleFiles files, List<RuleProblem> problems) {
        byte[] content = files.files().get(CATALOG);
        if (content == null) {
            problems.add(new RuleProblem(CATALOG, 0, 0, "no catalog in the rules folder: kb ids are not checked", false));
            return null;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(content);
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode issue : root.path("issues")) {
                ids.add(issue.path("id").asText());
            }
            return ids;
        } catch (IOException e) {
            problems.add(new RuleProblem(CATALOG, 0, 0, "catalog is not valid JSON: " + e.getMessage(), true));
            return null;
        }
    }
}
