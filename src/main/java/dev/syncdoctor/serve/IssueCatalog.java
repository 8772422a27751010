package dev.syncdoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.syncdoctor.knowledge.KnowledgeCheck;
import dev.syncdoctor.knowledge.KnowledgeInventory;
import dev.syncdoctor.knowledge.RuleEntry;
import dev.syncdoctor.knowledge.RuleFiles;
import dev.syncdoctor.model.ActionPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The known issues of one rules folder, for people to browse: each issue's row (id, catalog id, section,
 * role, title), its catalog entry (symptom, cause, the error texts as documented, the Learn page), its
 * steps as the step table words them, and the rules that recognise it. Read from the rule sources once per
 * load; the engine never uses it.
 */
final class IssueCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One step as the step table words it; {@code when} says under which conditions it is planned. */
    record Step(String phase, int order, String text, String because, String when, String at) {
    }

    /** A rule that recognises an issue, where it is written. */
    record Recogniser(String rule, String at) {
    }

    record Issue(String id, String kb, String title, String section, String category, String role, String at,
                 JsonNode entry, String learnUrl, List<Step> steps, List<Recogniser> recognisedBy) {
    }

    private final Map<String, Issue> issues;

    private IssueCatalog(Map<String, Issue> issues) {
        this.issues = issues;
    }

    static IssueCatalog of(RuleFiles files) {
        Map<String, byte[]> sources = new TreeMap<>(files.files());
        Map<String, JsonNode> entries = catalogEntries(sources.get(KnowledgeCheck.CATALOG));
        Map<String, Row> issueRows = new LinkedHashMap<>();
        Map<String, List<Step>> steps = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : sources.entrySet()) {
            if (!f.getKey().toLowerCase(Locale.ROOT).endsWith(".drl.csv")) {
                continue;
            }
            for (Row r : rows(f.getKey(), f.getValue())) {
                String id = r.get("issue id");
                if (id != null && r.get("kb id") != null) {
                    issueRows.putIfAbsent(id, r);
                } else if (r.get("issue") != null && r.get("text") != null) {
                    steps.computeIfAbsent(r.get("issue"), k -> new ArrayList<>()).add(stepOf(r));
                }
            }
        }
        Map<String, List<Recogniser>> recognisers = new LinkedHashMap<>();
        Map<String, String> definedInDrl = new LinkedHashMap<>();
        for (RuleEntry e : KnowledgeInventory.of(files).entries()) {
            for (String issue : e.recognises()) {
                recognisers.computeIfAbsent(issue, k -> new ArrayList<>()).add(new Recogniser(e.name(), e.file() + ":" + e.line()));
            }
            if (e.defines() != null && e.kb() != null) {
                definedInDrl.putIfAbsent(e.defines(), e.kb());
            }
        }
        Map<String, Issue> out = new TreeMap<>();
        for (Row r : issueRows.values()) {
            String id = r.get("issue id");
            String kb = r.get("kb id");
            out.put(id, issue(id, kb, r.get("title"), r.get("source section"), r.get("category"), r.get("required role"),
                    r.at(), entries.get(kb), steps, recognisers));
        }
        // Issues a DRL rule defines without a table row: the catalog entry gives their title.
        definedInDrl.forEach((id, kb) -> {
            if (!out.containsKey(id)) {
                JsonNode entry = entries.get(kb);
                String title = entry == null ? id : entry.path("section_title").asText(id);
                out.put(id, issue(id, kb, title, title, entry == null ? null : entry.path("category").asText(null),
                        null, null, entry, steps, recognisers));
            }
        });
        return new IssueCatalog(out);
    }

    private static Issue issue(String id, String kb, String title, String section, String category, String role, String at,
                               JsonNode entry, Map<String, List<Step>> steps, Map<String, List<Recogniser>> recognisers) {
        List<Step> mine = new ArrayList<>(steps.getOrDefault(id, List.of()));
        mine.sort(java.util.Comparator.comparingInt((Step s) -> phaseRank(s.phase())).thenComparingInt(Step::order));
        return new Issue(id, kb, title, section, category, role == null || role.isBlank() ? null : role, at, entry,
                entry == null ? null : LearnLinks.firstOf(entry.path("sources")), List.copyOf(mine),
                List.copyOf(recognisers.getOrDefault(id, List.of())));
    }

    /** Plan order of a phase name (prerequisites first), unknown phases last. */
    private static int phaseRank(String phase) {
        try {
            return ActionPhase.of(phase).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    List<Issue> all() {
        return List.copyOf(issues.values());
    }

    Issue get(String id) {
        return issues.get(id);
    }

    int size() {
        return issues.size();
    }

    private static Step stepOf(Row r) {
        List<String> when = new ArrayList<>();
        if (r.get("attempts at least") != null) {
            when.add("attempts >= " + r.get("attempts at least"));
        }
        if (r.get("attempts at most") != null) {
            when.add("attempts <= " + r.get("attempts at most"));
        }
        if (r.get("recurring") != null) {
            when.add("recurring: " + r.get("recurring"));
        }
        if (r.get("role not held") != null) {
            when.add("role " + r.get("role not held") + " not held");
        }
        int order;
        try {
            order = Integer.parseInt(r.getOrEmpty("order"));
        } catch (NumberFormatException e) {
            order = 0;
        }
        return new Step(r.getOrEmpty("phase"), order, r.get("text"), r.get("because"), String.join(", ", when), r.at());
    }

    /** A row of a decision table, by the people's header of its table ("Rule,Issue id,..."). */
    private record Row(String file, long line, Map<String, String> cells) {
        String get(String header) {
            String v = cells.get(header);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String getOrEmpty(String header) {
            String v = get(header);
            return v == null ? "" : v;
        }

        String at() {
            return file + ":" + line;
        }
    }

    /** The rows under each "Rule,..." header line of a CSV decision table; unreadable tables give none. */
    private static List<Row> rows(String file, byte[] content) {
        List<Row> out = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .readValues(new String(content, StandardCharsets.UTF_8))) {
            List<String> header = null;
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] cells = it.nextValue();
                if (cells.length == 0 || cells[0] == null) {
                    continue;
                }
                if (cells[0].trim().equalsIgnoreCase("Rule")) {
                    header = new ArrayList<>();
                    for (String c : cells) {
                        header.add(c == null ? "" : c.trim().toLowerCase(Locale.ROOT));
                    }
                } else if (cells[0].startsWith("RuleTable") || cells[0].startsWith("RuleSet")) {
                    header = null;
                } else if (header != null && !cells[0].isBlank()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < Math.min(cells.length, header.size()); i++) {
                        row.put(header.get(i), cells[i]);
                    }
                    out.add(new Row(file, line, row));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The loader reports broken tables with their positions; the browser shows what could be read.
            return out;
        }
        return out;
    }

    private static Map<String, JsonNode> catalogEntries(byte[] catalog) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (catalog == null) {
            return out;
        }
        try {
            for (JsonNode e : JSON.readTree(catalog).path("issues")) {
                if (e.hasNonNull("id")) {
                    out.put(e.get("id").asText(), e);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
