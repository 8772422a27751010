package dev.syncdoctor.suggest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.syncdoctor.api.CaseInputs;
import dev.syncdoctor.ingest.CaseReader;
import dev.syncdoctor.model.SyncError;
import dev.syncdoctor.suggest.UnknownClusters.Cluster;
import dev.syncdoctor.suggest.UnknownClusters.Member;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draft knowledge for unrecognised errors, for an analyst to review and finish: per cluster a recognition
 * row (the fragments every member shares), an issue row, step rows and a catalog entry with TODO texts,
 * and the members as example cases. The files mirror a rules folder and a facts folder, so finished drafts
 * move in as they are; nothing here is ever written into the rules themselves.
 */
public final class DraftRules {
    public static final String RECOGNITION = "rules/recognition/suggested-errors.drl.csv";
    public static final String ISSUES = "rules/suggested-issues.drl.csv";
    public static final String STEPS = "rules/suggested-steps.drl.csv";
    public static final String CATALOG = "catalog-entries.json";
    public static final String EXAMPLES = "facts/suggested/";
    public static final String README = "README.md";
    /** Marks every cell an analyst must fill in. */
    public static final String TODO = "TODO";
    private static final int FRAGMENTS = 3;
    /** Indented, "key": value as the example files are written by hand. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter().withSeparators(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    /** One cluster drafted: its issue id, the fragments its recognition row tests and the HTTP status all share (0: none). */
    public record Draft(Cluster cluster, String issue, String kb, List<String> fragments, int httpStatus) {
    }

    /** The drafts, and the clusters left out because their members share no text to recognise them by. */
    public record Result(List<Draft> drafts, List<Cluster> skipped, Map<String, String> files) {
    }

    private DraftRules() {
    }

    /** Drafts for {@code clusters}; issue ids are new: none of {@code takenIds} (the issues the rules have). */
    public static Result of(List<Cluster> clusters, Set<String> takenIds) {
        Set<String> taken = new LinkedHashSet<>(takenIds);
        List<Draft> drafts = new ArrayList<>();
        List<Cluster> skipped = new ArrayList<>();
        for (Cluster c : clusters) {
            List<String> texts = new ArrayList<>();
            c.members().forEach(m -> texts.add(m.text()));
            List<String> fragments = SharedFragments.of(c.signature(), texts, FRAGMENTS);
            if (fragments.isEmpty()) {
                skipped.add(c);
                continue;
            }
            String issue = uniqueId(slug(naming(fragments, texts.get(0))), taken);
            taken.add(issue);
            drafts.add(new Draft(c, issue, TODO + "_" + issue.toUpperCase(Locale.ROOT).replace('-', '_'), fragments,
                    sharedHttpStatus(texts)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (!drafts.isEmpty()) {
            files.put(README, readme(drafts, skipped));
            files.put(RECOGNITION, recognition(drafts));
            files.put(ISSUES, issues(drafts));
            files.put(STEPS, steps(drafts));
            files.put(CATALOG, catalog(drafts));
            for (Draft d : drafts) {
                int n = 0;
                for (Member m : d.cluster().members()) {
                    String name = EXAMPLES + d.issue() + "-" + (++n);
                    files.put(name + ".txt", m.text().strip() + "\n");
                    files.put(name + ".expected.json", expectation(d, m));
                }
            }
        }
        return new Result(List.copyOf(drafts), List.copyOf(skipped), files);
    }

    /**
     * The fragment an issue is named after: of those with three words or more, the one the text says last,
     * as messages tend to go from where it failed ("Unable to write data to entity") to why ("Rate limit
     * is exceeded"). The longest when none has three words.
     */
    static String naming(List<String> fragments, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestAt = -1;
        for (String f : fragments) {
            int at = lower.indexOf(f.toLowerCase(Locale.ROOT));
            if (f.trim().split("\\s+").length >= 3 && at > bestAt) {
                best = f;
                bestAt = at;
            }
        }
        return best != null ? best : fragments.get(0);
    }

    /**
     * The HTTP status every text gives, read as {@code diagnose} reads it (so the row's status cell matches
     * what the rules will see), or 0 when one gives none or they differ.
     */
    static int sharedHttpStatus(List<String> texts) {
        CaseInputs reader = new CaseInputs(CaseReader.DEFAULT_MAX_BYTES);
        int shared = 0;
        for (String text : texts) {
            List<SyncError> errors = reader.fromText("draft", null, text).getErrors();
            int status = errors.size() == 1 ? errors.get(0).getHttpStatus() : 0;
            if (status <= 0 || (shared != 0 && status != shared)) {
                return 0;
            }
            shared = status;
        }
        return shared;
    }

    /** A kebab-case id from the first words of a fragment: "Rate limit is exceeded" gives rate-limit-is-exceeded. */
    static String slug(String fragment) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        for (String w : fragment.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (words == 5 || b.length() + w.length() > 40) {
                break;
            }
            b.append(b.length() == 0 ? "" : "-").append(w);
            words++;
        }
        return b.length() == 0 ? "unknown-error" : b.toString();
    }

    private static String uniqueId(String base, Set<String> taken) {
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** The rows before a draft table's columns: its rule set, imports and notes, then the table's name. */
    private static StringBuilder preamble(String ruleSet, String imports, String notes, String table) {
        StringBuilder b = new StringBuilder();
        row(b, "RuleSet", ruleSet);
        row(b, "Import", imports);
        row(b, "Notes", notes);
        b.append('\n');
        row(b, "RuleTable " + table);
        return b;
    }

    private static String recognition(List<Draft> drafts) {
        StringBuilder b = preamble("dev.syncdoctor.rules.recognition.suggested",
                "dev.syncdoctor.model.Finding, dev.syncdoctor.model.SyncError, dev.syncdoctor.model.SyncCase,"
                + " dev.syncdoctor.model.Phase, dev.syncdoctor.model.Confidence",
                "Drafted by rules suggest from errors no rule recognised: Mentions, Also mentions and And mentions are"
                + " fragments every member of the cluster shares. Check that they name the issue and not only the errors"
                + " seen; set the confidence.", "Suggested error recognition");
        row(b, "NAME", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION",
                "CONDITION", "ACTION", "ACTION", "ACTION");
        row(b, "", "$e : SyncError", "", "", "", "", "", "", "", "$c : SyncCase", "", "", "");
        row(b, "", "mentions(\"$param\")", "eval($e.getHttpStatus() == $param)", "eval($e.mentions(\"$param\"))",
                "eval($e.mentions(\"$param\"))", "eval(!$e.mentions(\"$param\"))", "eval(!$e.mentions(\"$param\"))",
                "eval(\"$param\".equalsIgnoreCase($e.getPlatformCode()))", "eval($e.hasCode(\"$param\"))",
                "phase == Phase.of(\"$param\")", "Finding.Draft finding = Finding.draft(\"$param\", $e);",
                "finding.confidence(Confidence.of(\"$param\"));", "insert(finding.evidence(\"$param\"));");
        row(b, "Rule", "Mentions (required)", "HTTP status", "Also mentions", "And mentions", "Must not mention", "Nor mention",
                "Platform code", "Dual-write code", "Phase (case)", "Issue", "Confidence", "Evidence");
        for (Draft d : drafts) {
            List<String> f = d.fragments();
            row(b, "suggested " + d.issue(), f.get(0), d.httpStatus() == 0 ? "" : String.valueOf(d.httpStatus()), f.size() > 1 ? f.get(1) : "", f.size() > 2 ? f.get(2) : "", "", "", "",
                    "", "", d.issue(), "medium", String.join("; ", f));
        }
        return b.toString();
    }

    private static String issues(List<Draft> drafts) {
        StringBuilder b = preamble("dev.syncdoctor.rules.issues.suggested",
                "dev.syncdoctor.model.Finding, dev.syncdoctor.model.Diagnosis",
                "Drafted by rules suggest. Fill in every TODO: the catalog entry (kb, also in catalog-entries.json),"
                + " its section title verbatim, the category, the role the fix needs (empty when the source states none)"
                + " and a one-line title.", "Suggested known issues");
        row(b, "NAME", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION");
        row(b, "", "$f : Finding", "", "", "", "", "");
        row(b, "", "issue == \"$param\"", "Diagnosis.Draft draft = Diagnosis.draft($f, \"$param\");", "draft.section(\"$param\");",
                "draft.category(\"$param\");", "draft.role(\"$param\");", "insert(draft.title(\"$param\"));");
        row(b, "Rule", "Issue id", "KB id", "Source section", "Category", "Required role", "Title");
        for (Draft d : drafts) {
            row(b, "issue " + d.issue(), d.issue(), d.kb(), TODO + ": the source section title", TODO,
                    "", TODO + ": what goes wrong, in one line (seen " + d.cluster().count() + " times)");
        }
        return b.toString();
    }

    private static String steps(List<Draft> drafts) {
        StringBuilder b = preamble("dev.syncdoctor.rules.steps.suggested",
                "dev.syncdoctor.model.Action, dev.syncdoctor.model.ActionPhase, dev.syncdoctor.model.Diagnosis,"
                + " dev.syncdoctor.model.SyncCase",
                "Drafted by rules suggest: one investigate, one fix and one verify step per issue. Fill in every TODO;"
                + " add, remove or reorder rows as the fix needs (phases: prerequisite, investigate, fix, rerun, verify, if-unresolved).",
                "Suggested steps");
        row(b, "NAME", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION");
        row(b, "", "$d : Diagnosis", "SyncCase", "SyncCase", "SyncCase", "", "", "", "");
        row(b, "", "issue == \"$param\"", "attempts >= $param", "attempts <= $param", "recurring == $param",
                "Action.Draft step = Action.draft($d, ActionPhase.of(\"$param\"));", "step.order($param);",
                "step.because(\"$param\");", "insert(step.text(\"$param\"));");
        row(b, "Rule", "Issue", "Attempts at least", "Attempts at most", "Recurring", "Phase", "Order", "Because", "Text");
        for (Draft d : drafts) {
            row(b, d.issue() + " 1", d.issue(), "", "", "", "investigate", "1", TODO + ": why to look first",
                    TODO + ": what to look at first");
            row(b, d.issue() + " 2", d.issue(), "", "", "", "fix", "2", TODO + ": why this fixes it", TODO + ": the fix");
            row(b, d.issue() + " 3", d.issue(), "", "", "", "verify", "3", TODO + ": why this shows it is fixed",
                    TODO + ": how to check that the map runs again");
        }
        return b.toString();
    }

    private static String catalog(List<Draft> drafts) {
        List<Object> entries = new ArrayList<>();
        for (Draft d : drafts) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", d.kb());
            e.put("category", TODO);
            e.put("section_title", TODO + ": the source section title, verbatim");
            List<String> texts = new ArrayList<>();
            d.cluster().members().forEach(m -> texts.add(m.text()));
            e.put("error_texts", texts);
            e.put("symptom", TODO);
            e.put("cause", TODO);
            e.put("required_role", "not stated");
            e.put("remediation_steps", List.of(TODO));
            e.put("sources", List.of());
            entries.add(e);
        }
        return json(Map.of("issues", entries));
    }

    private static String expectation(Draft d, Member m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("note", "Drafted by rules suggest from " + d.cluster().count() + " unrecognised errors with the signature: "
                + d.cluster().signature() + (m.source().isBlank() ? "" : " (this one from " + m.source() + ")")
                + ". Add the first steps' words under \"steps\" once they are written.");
        e.put("status", "diagnosed");
        e.put("issues", List.of(d.issue()));
        e.put("unexplained", 0);
        return json(e);
    }

    private static String readme(List<Draft> drafts, List<Cluster> skipped) {
        StringBuilder b = new StringBuilder();
        b.append("# Draft rules for errors no rule recognised\n\n")
                .append("Drafted by `syncdoctor rules suggest` for review: nothing here is used until it is moved into the rules.\n\n")
                .append("1. Check each recognition row of `").append(RECOGNITION).append("`: its fragments must name the issue, not only")
                .append(" the errors seen. Set the confidence.\n")
                .append("2. Fill in every `").append(TODO).append("` in `").append(ISSUES).append("`, `").append(STEPS).append("` and `")
                .append(CATALOG).append("` (the kb id is a catalog entry id: keep the draft's or use an existing entry's).\n")
                .append("3. Move `rules/` into the rules folder, add the entries of `").append(CATALOG)
                .append("` to the `issues` list of `rules/catalog.json`, and move `facts/` into the facts folder.\n")
                .append("4. Run `syncdoctor rules check` and `syncdoctor rules test`.\n\n")
                .append("An issue id can be renamed: rename it in every file (rows, examples) at once.\n\n")
                .append("| issue | errors | signature | shared fragments |\n|---|---|---|---|\n");
        for (Draft d : drafts) {
            b.append("| `").append(d.issue()).append("` | ").append(d.cluster().count()).append(" | ")
                    .append(code(d.cluster().signature())).append(" | ").append(code(String.join(" / ", d.fragments()))).append(" |\n");
        }
        if (!skipped.isEmpty()) {
            b.append("\nNot drafted (their members share no text to recognise them by):\n\n");
            for (Cluster c : skipped) {
                b.append("- ").append(code(c.signature())).append(" (").append(c.count()).append(")\n");
            }
        }
        return b.toString();
    }

    /** Inline code in a markdown table cell: the masks (<n>, <entity>) stay visible instead of reading as HTML. */
    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`";
    }

    /** One CSV row; a cell with a comma, quote or line break is quoted, quotes doubled. */
    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
