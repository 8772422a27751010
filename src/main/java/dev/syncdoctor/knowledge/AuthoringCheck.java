package dev.syncdoctor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.model.Roles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Checks what analysts write against the model before Drools compiles it, so a mistake reads as the
 * analyst wrote it: {@code steps.drl.csv:12:Phase: 're-run' is not a step phase; allowed: ...} rather
 * than a compiler error in generated code, or a rule that compiles and fails every case at run time.
 * What each table column holds is read from its code (the cell under CONDITION/ACTION), not from the
 * file name, so a new table written the same way is checked the same way.
 */
final class AuthoringCheck {
    private static final Pattern TYPED = Pattern.compile("\\b(ActionPhase|Phase|Direction|Confidence)\\s*+\\.\\s*+of\\s*+\\(\\s*+\"\\$param\"");
    private static final Pattern DRAFT_PHASE = Pattern.compile("Action\\s*+\\.\\s*+draft\\s*+\\(\\s*+\\$\\w++\\s*+,\\s*+\"\\$param\"");
    private static final Pattern KB = Pattern.compile("Diagnosis\\s*+\\.\\s*+draft\\s*+\\(\\s*+\\$?\\w++\\s*+,\\s*+\"\\$param\"");
    private static final Pattern ROLE = Pattern.compile("\\.\\s*+role\\s*+\\(\\s*+\"\\$param\"");
    private static final Pattern STEP_TEXT = Pattern.compile("\\.\\s*+(?:text|because)\\s*+\\(\\s*+\"\\$param\"|new\\s++Action\\s*+\\([^;]*+\"\\$param\"");
    private static final Pattern UNQUOTED_PARAM = Pattern.compile("(?<!\")\\$param(?!\")");
    private static final Pattern FIELD_COMPARED = Pattern.compile("\\b(\\w++)\\s*+(?:==|!=|>=|<=|>|<)\\s*+\\$param");
    private static final Pattern GETTER_COMPARED = Pattern.compile("(\\$\\w++)\\s*+\\.\\s*+(get\\w++|is\\w++)\\s*+\\(\\s*+\\)\\s*+(?:==|!=|>=|<=|>|<)\\s*+\\$param");
    private static final Pattern DECLARES = Pattern.compile("\\b[A-Z][\\w.]*+\\s++(\\w++)\\s*+=(?!=)");
    private static final Pattern DECLARES_DRAFT = Pattern.compile("\\b[A-Z][\\w.]*Draft\\s++(\\w++)\\s*+=(?!=)");
    private static final Pattern BINDING = Pattern.compile("^(\\$\\w++)\\s*+:\\s*+(\\w++)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w{1,40}+)\\}");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}+");
    private static final Pattern DRL_KB = Pattern.compile("(?:Diagnosis\\s*+\\.\\s*+draft|new\\s++Diagnosis)\\s*+\\(\\s*+\\$?\\w++\\s*+,\\s*+\"([^\"\\n]{1,200}+)\"");
    private static final Pattern DRL_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.){0,2000}+)\"");

    private final Map<String, String> catalogRoles;
    private final List<RuleProblem> problems = new ArrayList<>();
    /** package + rule name to where it was first seen. */
    private final Map<String, RuleProblem> names = new LinkedHashMap<>();
    private final RuleFiles files;

    private AuthoringCheck(RuleFiles files) {
        this.files = files;
        this.catalogRoles = catalog(files);
    }

    /** Every mistake found, in file order; CSV tables must already be comma-separated ({@link RuleFiles} does it). */
    static List<RuleProblem> run(RuleFiles files) {
        AuthoringCheck check = new AuthoringCheck(files);
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            String name = f.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".drl.csv") || lower.endsWith(".drl.xls") || lower.endsWith(".drl.xlsx")) {
                for (TableRows.Table t : TableRows.tablesOf(name, f.getValue())) {
                    check.table(name, t);
                }
            } else if (lower.endsWith(".drl")) {
                check.drl(name, new String(f.getValue(), StandardCharsets.UTF_8));
            }
        }
        return check.problems;
    }

    private void table(String file, TableRows.Table t) {
        List<TableRows.Column> cols = t.columns();
        // A field the fact does not have, in a column's code: once, at the code row, not in every row.
        for (TableRows.Column c : cols) {
            String unknown = unknownField(c);
            if (unknown != null) {
                problems.add(RuleProblem.inCell(file, t.codeRow(), c.header(), unknown));
                return;
            }
        }
        for (TableRows.Row row : t.rows()) {
            int extra = lastFilled(row) + 1;
            if (extra > cols.size()) {
                TableRows.Column last = cols.get(cols.size() - 1);
                problems.add(new RuleProblem(file, row.number(), 0, "the row has " + extra + " cells where the table has "
                        + cols.size() + " columns (" + cols.get(0).header() + " ... " + last.header()
                        + "): a cell that holds a comma must be in double quotes, e.g. \"one, two\"", true));
                continue;
            }
            for (TableRows.Column c : cols) {
                String value = row.cell(c.index());
                if (c.kind().equals("NAME")) {
                    if (!value.isEmpty()) {
                        name(t.ruleSet(), value, RuleProblem.inCell(file, row.number(), c.header(), ""));
                    }
                } else if (value.isEmpty()) {
                    empty(file, row, c, cols);
                } else {
                    value(file, row, c, value, cols);
                }
            }
        }
    }

    private static int lastFilled(TableRows.Row row) {
        for (int i = row.cells().size() - 1; i >= 0; i--) {
            if (!row.cells().get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** An empty cell that the row needs: marked required, or declaring what the row's other cells use. */
    private void empty(String file, TableRows.Row row, TableRows.Column c, List<TableRows.Column> cols) {
        if (c.header().toLowerCase(Locale.ROOT).contains("(required)")) {
            problems.add(RuleProblem.inCell(file, row.number(), c.header(), "empty; every row needs it"));
            return;
        }
        List<String> users = new ArrayList<>();
        Matcher d = DECLARES.matcher(c.code());
        String bound = bindingVar(c.binding());
        while (d.find()) {
            users.addAll(usersOf(d.group(1), c, row, cols));
        }
        // The first constraint of a pattern binds its fact ($e : SyncError): when every constraint of the
        // pattern is empty the fact is not matched, and the cells that use $e do not compile.
        boolean patternEmpty = cols.stream().noneMatch(o -> o != c && o.binding().equals(c.binding())
                && !o.code().startsWith("eval(") && !row.cell(o.index()).isEmpty());
        if (bound != null && ownsBinding(c, cols) && !c.code().startsWith("eval(") && patternEmpty) {
            users.addAll(usersOf(bound.replace("$", "\\$"), c, row, cols));
        }
        if (!users.isEmpty()) {
            problems.add(RuleProblem.inCell(file, row.number(), c.header(),
                    "empty, but " + String.join(", ", new java.util.LinkedHashSet<>(users)) + " of this row need it"));
            return;
        }
        // The column that inserts what another filled column drafted: without it the row inserts nothing.
        if (c.code().contains("insert(")) {
            for (TableRows.Column other : cols) {
                Matcher od = DECLARES_DRAFT.matcher(other.code());
                while (other != c && od.find()) {
                    if (!row.cell(other.index()).isEmpty() && Pattern.compile("\\b" + od.group(1) + "\\b").matcher(c.code()).find()) {
                        problems.add(RuleProblem.inCell(file, row.number(), c.header(),
                                "empty: the row fills " + other.header() + " but inserts nothing without this cell"));
                        return;
                    }
                }
            }
        }
    }

    private static String bindingVar(String binding) {
        Matcher m = BINDING.matcher(binding.trim());
        return m.find() ? m.group(1) : null;
    }

    /** True when the column is the first of its pattern (its own binding cell names the fact). */
    private static boolean ownsBinding(TableRows.Column c, List<TableRows.Column> cols) {
        return c.index() == 0 || !cols.get(c.index() - 1).binding().equals(c.binding());
    }

    private static List<String> usersOf(String var, TableRows.Column declaring, TableRows.Row row, List<TableRows.Column> cols) {
        Pattern use = Pattern.compile("(?<![\\w$])" + var + "\\b");
        List<String> out = new ArrayList<>();
        for (TableRows.Column o : cols) {
            if (o != declaring && !row.cell(o.index()).isEmpty() && use.matcher(o.code()).find()) {
                out.add(o.header());
            }
        }
        return out;
    }

    private void value(String file, TableRows.Row tableRow, TableRows.Column c, String value, List<TableRows.Column> cols) {
        int row = tableRow.number();
        String code = c.code();
        Matcher typed = TYPED.matcher(code);
        String type = typed.find() ? typed.group(1) : DRAFT_PHASE.matcher(code).find() ? "ActionPhase" : null;
        if (type != null) {
            List<String> allowed = AllowedValues.of(type);
            if (!AllowedValues.accepts(type, value)) {
                problems.add(RuleProblem.inCell(file, row, c.header(), "'" + value + "' is not a " + AllowedValues.kindName(type)
                        + "; allowed: " + String.join(", ", allowed)));
            }
            return;
        }
        if (KB.matcher(code).find()) {
            if (catalogRoles != null && !catalogRoles.containsKey(value)) {
                problems.add(RuleProblem.inCell(file, row, c.header(), "kb id '" + value + "' is not in " + KnowledgeCheck.CATALOG
                        + "; allowed: the id of a catalog entry (add the entry first)"));
            }
            return;
        }
        if (ROLE.matcher(code).find()) {
            role(file, tableRow, c, value, cols);
            return;
        }
        if (STEP_TEXT.matcher(code).find()) {
            Matcher p = PLACEHOLDER.matcher(value);
            while (p.find()) {
                if (!dev.syncdoctor.plan.Planner.PLACEHOLDERS.contains(p.group(1))) {
                    problems.add(RuleProblem.inCell(file, row, c.header(), "{" + p.group(1) + "} is not a placeholder; allowed: "
                            + String.join(" ", AllowedValues.placeholders())));
                }
            }
            return;
        }
        if (UNQUOTED_PARAM.matcher(code).find()) {
            number(file, row, c, value);
        }
    }

    /** "SyncCase has no field 'attemps'; allowed: ..." when the column compares a field its fact lacks, else null. */
    private static String unknownField(TableRows.Column c) {
        Class<?> fact = AllowedValues.factClass(factOf(c.binding()));
        Matcher g = GETTER_COMPARED.matcher(c.code());
        Matcher f = FIELD_COMPARED.matcher(c.code());
        String wanted = g.find() ? g.group(2) : f.find() ? f.group(1) : null;
        if (fact == null || wanted == null || wanted.equals("param")) {
            return null;
        }
        Method m = wanted.startsWith("get") || wanted.startsWith("is") ? method(fact, wanted) : getter(fact, wanted);
        return m != null ? null : fact.getSimpleName() + " has no field '" + wanted + "' (in the column's code); allowed: "
                + String.join(", ", AllowedValues.fieldsOf(fact));
    }

    /** A cell written into code without quotes: its type is that of the field or method it is compared with. */
    private void number(String file, int row, TableRows.Column c, String value) {
        Class<?> type = int.class;
        Class<?> fact = AllowedValues.factClass(factOf(c.binding()));
        Matcher g = GETTER_COMPARED.matcher(c.code());
        Matcher f = FIELD_COMPARED.matcher(c.code());
        String wanted = g.find() ? g.group(2) : f.find() ? f.group(1) : null;
        if (fact != null && wanted != null) {
            Method m = wanted.startsWith("get") || wanted.startsWith("is") ? method(fact, wanted) : getter(fact, wanted);
            if (m == null) {
                return; // reported once for the column
            }
            type = m.getReturnType();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(RuleProblem.inCell(file, row, c.header(), "'" + value + "' is not true or false; allowed: true, false"));
            }
        } else if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            if (!WHOLE.matcher(value).matches()) {
                problems.add(RuleProblem.inCell(file, row, c.header(), "'" + value + "' is not a whole number; allowed: digits, e.g. 2"));
            }
        }
    }

    private static String factOf(String binding) {
        String b = binding.trim();
        int colon = b.indexOf(':');
        return (colon >= 0 ? b.substring(colon + 1) : b).trim();
    }

    private static Method getter(Class<?> fact, String field) {
        if (field.isEmpty()) {
            return null;
        }
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        Method m = method(fact, "get" + cap);
        return m != null ? m : method(fact, "is" + cap);
    }

    private static Method method(Class<?> fact, String name) {
        return Arrays.stream(fact.getMethods()).filter(m -> m.getName().equals(name) && m.getParameterCount() == 0)
                .findFirst().orElse(null);
    }

    /**
     * A required role must be one the issue's catalog entry names (System admin and System administrator
     * are one role), so a plan never asks for a role its source does not state.
     */
    private void role(String file, TableRows.Row row, TableRows.Column c, String role, List<TableRows.Column> cols) {
        if (catalogRoles == null) {
            return;
        }
        String kb = null;
        for (TableRows.Column o : cols) {
            if (KB.matcher(o.code()).find()) {
                kb = row.cell(o.index());
            }
        }
        String stated = kb == null ? null : catalogRoles.get(kb);
        if (stated == null) {
            return;
        }
        String lower = stated.toLowerCase(Locale.ROOT);
        boolean named = lower.contains(role.toLowerCase(Locale.ROOT))
                || Roles.canonical(role).equals(Roles.canonical(Roles.SYSTEM_ADMIN))
                && (lower.contains("system admin") || lower.contains("sysadmin"));
        if (!named) {
            problems.add(RuleProblem.inCell(file, row.number(), c.header(), "role '" + role + "' is not what catalog entry "
                    + kb + " states ('" + stated + "'); allowed: a role the entry names, or empty"));
        }
    }

    private void drl(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return;
        }
        if (pkg == null || parser.hasErrors()) {
            return; // the compiler reports syntax errors with their positions
        }
        String[] lines = text.split("\n", -1);
        for (RuleDescr rule : pkg.getRules()) {
            int line = rule.getLine();
            name(pkg.getName(), rule.getName(), RuleProblem.inRule(file, line, rule.getName(), ""));
            String body = KnowledgeInventory.textOf(rule, lines);
            for (String wrong : TypedValues.misspelt(body)) {
                problems.add(RuleProblem.inRule(file, line, rule.getName(), wrong));
            }
            Matcher kb = DRL_KB.matcher(body);
            while (catalogRoles != null && kb.find()) {
                if (!catalogRoles.containsKey(kb.group(1))) {
                    problems.add(RuleProblem.inRule(file, line, rule.getName(), "kb id '" + kb.group(1) + "' is not in "
                            + KnowledgeCheck.CATALOG + "; allowed: the id of a catalog entry (add the entry first)"));
                }
            }
            if (body.contains("Action")) {
                Matcher s = DRL_STRING.matcher(rule.getConsequence() == null ? "" : rule.getConsequence().toString());
                while (s.find()) {
                    Matcher p = PLACEHOLDER.matcher(s.group(1));
                    while (p.find()) {
                        if (!dev.syncdoctor.plan.Planner.PLACEHOLDERS.contains(p.group(1))) {
                            problems.add(RuleProblem.inRule(file, line, rule.getName(), "{" + p.group(1)
                                    + "} is not a placeholder; allowed: " + String.join(" ", AllowedValues.placeholders())));
                        }
                    }
                }
            }
        }
    }

    /**
     * Rule names are unique in a package. Of two with one name the one reported is the one that differs
     * from the shipped rules (the analyst's new or changed file), else the later in folder order.
     */
    private void name(String pkg, String rule, RuleProblem where) {
        String key = pkg + "\u0000" + rule;
        RuleProblem first = names.putIfAbsent(key, where);
        if (first == null) {
            return;
        }
        RuleProblem report = where;
        RuleProblem other = first;
        if (!first.file().equals(where.file()) && changed(first.file()) && !changed(where.file())) {
            report = first;
            other = where;
        }
        String message = "the rule name '" + rule + "' is already used at " + other.file() + ":" + other.line()
                + " in package " + pkg + "; allowed: a name no other rule of the package has";
        problems.add(new RuleProblem(report.file(), report.line(), 0, message, true, report.place(), null));
    }

    private Map<String, byte[]> shipped;

    /** True when a file is not the shipped copy of the same name (new, or edited). */
    private boolean changed(String file) {
        if (shipped == null) {
            try {
                shipped = RuleFiles.bundled().files();
            } catch (IOException | RuntimeException e) {
                shipped = Map.of();
            }
        }
        byte[] original = shipped.get(file);
        return original == null || !Arrays.equals(original, files.files().get(file));
    }

    /** Catalog id to the role it states, or null when the folder has no readable catalog. */
    private static Map<String, String> catalog(RuleFiles files) {
        byte[] content = files.files().get(KnowledgeCheck.CATALOG);
        if (content == null) {
            return null;
        }
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode issue : new ObjectMapper().readTree(content).path("issues")) {
                out.put(issue.path("id").asText(), issue.path("required_role").asText(""));
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

}
