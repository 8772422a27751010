package dev.syncdoctor.model;

import java.util.Locale;
import java.util.Map;

/**
 * An initial-sync lookup failure ("Couldn't resolve the guid for the field: F ... /api/data/v9.x/T?...")
 * and what is known of it, each part null when the text and case do not say: the map of the failing
 * rows and the Dataverse table it writes, the lookup column (F before the dot), the table the lookup
 * points at (the entity set T of the check URL), and, for a column the catalog documents as a self or
 * circular reference, the table it points at and the catalog entry of its map's procedure.
 * rules/recognition/lookups.drl decides from these parts what the lookup points at.
 */
public final class LookupFailure {
    /**
     * The Dataverse table a dual-write map writes: the documented maps (IS04-IS06, LK01, the Project
     * Operations article) and common maps whose lookups point back at their own table. Map names in
     * lower case, as errors ("On the Customers V3, ...") and users write them.
     */
    private static final Map<String, String> TABLE_OF_MAP = Map.ofEntries(
            Map.entry("vendors v2", "msdyn_vendors"),
            Map.entry("customers v3", "accounts"),
            Map.entry("cds contacts v2", "contacts"),
            Map.entry("contacts v2", "msdyn_contactforparties"),
            Map.entry("warehouses", "msdyn_warehouses"),
            Map.entry("warehouses v2", "msdyn_warehouses"),
            Map.entry("sales order headers v2", "salesorders"),
            Map.entry("sales quotation headers", "quotes"),
            Map.entry("customer groups", "msdyn_customergroups"),
            Map.entry("vendor groups", "msdyn_vendorgroups"),
            Map.entry("units", "uoms"),
            Map.entry("released products v2", "msdyn_sharedproductdetails"),
            Map.entry("legal entities", "cdm_companies"),
            Map.entry("workers", "cdm_workers"),
            Map.entry("financial dimensions", "msdyn_dimensionattributes"),
            Map.entry("payment terms", "msdyn_paymentterms"));

    /** A lookup column the catalog documents as a self or circular reference: the table it points at and the entry of its procedure. */
    private record Documented(String table, String kb) {
    }

    private static final String VENDORS_V2 = "IS05_SELFREF_VENDORS_V2";
    private static final String CUSTOMERS_V3 = "IS06_SELFREF_CUSTOMERS_V3";
    private static final Map<String, Documented> DOCUMENTED = Map.of(
            "msdyn_invoicevendoraccountnumber", new Documented("msdyn_vendors", VENDORS_V2),
            "msdyn_vendorprimarycontactperson", new Documented("contacts", VENDORS_V2),
            "msdyn_billingaccount", new Documented("accounts", CUSTOMERS_V3),
            "primarycontactid", new Documented("contacts", CUSTOMERS_V3));

    private final SyncError error;
    private final String map;
    private final String ownTable;
    private final String column;
    private final String target;
    private final String documentedTable;
    private final String documentedKb;

    private LookupFailure(SyncError error, String map, String column, String target) {
        this.error = error;
        this.map = map;
        this.ownTable = map == null ? null : TABLE_OF_MAP.get(map);
        this.column = column;
        this.target = target;
        Documented d = column == null ? null : DOCUMENTED.get(column);
        this.documentedTable = d == null ? null : d.table();
        this.documentedKb = d == null ? null : d.kb();
    }

    /** The failure of {@code error}, with the map the error names, else the case's. */
    public static LookupFailure of(SyncError error, SyncCase syncCase) {
        String named = error.getMapName() != null ? error.getMapName() : syncCase.getMapName();
        return new LookupFailure(error, mapKey(named), error.getLookupColumn(), tableKey(error.getEntitySet()));
    }

    /** "Customers V3 (accounts)" and "Customers V3" are one map: the name before a parenthesis, in lower case. */
    static String mapKey(String map) {
        if (map == null || map.isBlank()) {
            return null;
        }
        int paren = map.indexOf('(');
        return (paren > 0 ? map.substring(0, paren) : map).trim().toLowerCase(Locale.ROOT);
    }

    /** The table of a check URL in lower case; "msdn_vendors" is how the IS05 docs text spells msdyn_vendors. */
    static String tableKey(String entitySet) {
        if (entitySet == null || entitySet.isBlank()) {
            return null;
        }
        String t = entitySet.trim().toLowerCase(Locale.ROOT);
        return t.equals("msdn_vendors") ? "msdyn_vendors" : t;
    }

    public SyncError getError() { return error; }
    /** The map of the failing rows in lower case, or null. */
    public String getMap() { return map; }
    /** The Dataverse table the map writes, or null when the map is not named or not known. */
    public String getOwnTable() { return ownTable; }
    public String getColumn() { return column; }
    /** The table the lookup points at (entity set of the check URL), or null without a check URL. */
    public String getTarget() { return target; }
    public String getDocumentedTable() { return documentedTable; }

    /**
     * The column is one the catalog documents as a self or circular reference (IS05, IS06), and the check
     * URL, when there is one, points at the table the catalog names for it.
     */
    public boolean isDocumentedSelfReference() {
        return documentedTable != null && (target == null || target.equals(documentedTable));
    }
    public String getDocumentedKb() { return documentedKb; }

    /**
     * What the rules quote from the text as evidence, then {@code more}: the field, the value not found
     * (of a repeated error every value, in brief), the check URL's table and the map sentence, each only
     * when the text gave it (a piece for an unknown part would name "null").
     */
    public String[] textEvidence(String... more) {
        java.util.List<String> out = new java.util.ArrayList<>(4 + more.length);
        out.add("Couldn't resolve the guid for the field: " + error.getLookupField());
        if (error.getLookupValues().size() > 1) {
            // One error standing for many rows: its values in brief, not one row's text.
            out.add(Evidence.CONTEXT + "lookup not found: " + error.lookupValuesInBrief());
        } else if (error.getLookupValue() != null) {
            // The article writes "wasn't", copies often "was not": the one the text holds is quoted.
            out.add("The lookup wasn't found: " + error.getLookupValue());
            out.add("The lookup was not found: " + error.getLookupValue());
        }
        if (target != null) {
            out.add("/" + target + "?");
        }
        if (map != null) {
            out.add("On the " + map);
        }
        out.addAll(java.util.Arrays.asList(more));
        return out.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "LookupFailure[" + column + " of " + map + " -> " + target + "]";
    }
}
