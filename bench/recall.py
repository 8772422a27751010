#!/usr/bin/env python3
"""Recall and precision of the knowledge base on realistic variants of the catalog's error texts.

  bench/recall.py generate DIR [--catalog rules/catalog.json] [--variants 8] [--seed 7]
      writes DIR/cases/*.txt|*.json (one case each) and DIR/labels.json
      (case file -> expected catalog id or "none", the ids also acceptable, the entry it comes from)
  bench/recall.py score DIR RESULTS.jsonl
      reads the `batch --format json` records and prints per-entry recall, wrong diagnoses, overall
      recall and precision and every miss with its case file

Every catalog entry with an error text gets --variants variants: its texts (templates filled with
other maps, tables, fields, values, GUIDs and hosts), pasted as people paste them: alone, in a mail
wrapped at 60-78 columns with or without `> ` quote prefixes, CRLF, between an analyst's own sentences,
a greeting and a signature, inside the "Dual write Initial sync failed / Message:" wrapper where the
category is initial sync, or as a JSON case when the entry's conditions need context the text does not
carry (a second run, a failed health-check item, a dual-write table). Look-alikes (the same phrases
printed by other products) are labelled "none": any diagnosis on them is wrong.
Deterministic for a given seed and catalog.
"""
import json
import os
import random
import sys
import textwrap
import uuid
from collections import defaultdict

# ---------------------------------------------------------------- realistic values

HOSTS = ["contoso-prod.crm.dynamics.com", "fabrikam-uat.crm4.dynamics.com", "adatum.crm11.dynamics.com",
         "northwind-test.crm.dynamics.com", "litware-sit.crm6.dynamics.com"]
FO_HOSTS = ["contoso-prod.operations.dynamics.com", "fabrikam-uat.sandbox.operations.dynamics.com",
            "adatum-dev01aos.cloudax.dynamics.com", "northwind-test.sandbox.operations.eu.dynamics.com"]
COMPANIES = ["usmf", "demf", "gbsi", "frrt", "ussi"]
PEOPLE = [("Maria", "Maria Lopez, Dynamics support"), ("Tom", "Tom Becker | ERP team"),
          ("Aiko", "Aiko Tanaka\nSenior consultant"), ("Dana", "Dana Whitfield\nIT operations"),
          ("Priya", "Priya N.\nD365 CoE")]
GREETINGS = ["Hi team,", "Hello all,", "Hi,", "Good morning,", "Dear support,"]
SIGNOFFS = ["Thanks,", "Thanks for any help!", "Best regards,", "Cheers,", "Kind regards,"]

# (map, Dataverse entity set, F&O entity)
MAPS = [("Vendors V2", "msdyn_vendors", "VendVendorV2Entity"),
        ("Customers V3", "accounts", "CustCustomerV3Entity"),
        ("Sales orders V3", "salesorders", "SalesOrderHeaderV2Entity"),
        ("Released products V2", "msdyn_sharedproductdetails", "EcoResReleasedProductV2Entity"),
        ("Customer groups", "msdyn_customergroups", "CustCustomerGroupEntity"),
        ("Vendor groups", "msdyn_vendorgroups", "VendVendorGroupEntity"),
        ("Warehouses", "msdyn_warehouses", "InventWarehouseEntity"),
        ("Sales order lines V2", "salesorderdetails", "SalesOrderLineV2Entity"),
        ("Payment terms", "msdyn_paymentterms", "PaymentTermEntity"),
        ("Modes of delivery", "msdyn_modeofdeliveries", "DlvModeEntity")]
ANALYST_BEFORE = [
    "since this morning the {map} map will not start. The Initial sync details tab shows:",
    "we enabled the {map} table map in our UAT and it went to Not running. Error below.",
    "after the refresh of the sandbox we get the following on {map}:",
    "one of our users reported this in {company}, pasted from the Dual-write page:",
    "see below what the customer sent us yesterday evening.",
    "I tried twice already, same result every time:",
]
# for look-alikes: nothing in the analyst's words may say dual-write
ANALYST_BEFORE_OTHER = [
    "one of our users reported this in {company} this morning:",
    "see below what the customer sent us yesterday evening.",
    "I tried twice already, same result every time:",
]
ANALYST_AFTER = [
    "We already restarted the batch server and nothing changed.",
    "Could you have a look? The go-live is next week.",
    "Is this a known problem? I could not find anything in our wiki.",
    "Let me know if you need the activity ID or more of the log.",
    "",
]


def guid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def value(rng):
    return rng.choice(["V-00{}".format(rng.randint(100, 999)), "US-0{:02d}".format(rng.randint(1, 40)),
                       "{}-{}".format(rng.randint(1000, 1300), rng.randint(1, 9)),
                       "{:06d}".format(rng.randint(1, 90000)), "CUST-{:04d}".format(rng.randint(1, 4000)),
                       "DE-0{:02d}".format(rng.randint(1, 60))])


# ---------------------------------------------------------------- presentation of a text

def wrap(text, width, prefix="", hard=False):
    """A mail or chat client's wrap: paragraphs kept, lines broken at spaces (hard: long tokens cut)."""
    out = []
    for para in text.split("\n"):
        if not para.strip():
            out.append(prefix.rstrip())
            continue
        lines = textwrap.wrap(para, width=width - len(prefix), break_long_words=hard,
                              break_on_hyphens=False) or [""]
        out.extend(prefix + line for line in lines)
    return "\n".join(out)


def mail(rng, body, ctx, width, quote="", crlf=False):
    who, signature = rng.choice(PEOPLE)
    before = rng.choice(ANALYST_BEFORE_OTHER if ctx.get("other") else ANALYST_BEFORE).format(map=ctx["map"], company=rng.choice(COMPANIES).upper())
    after = rng.choice(ANALYST_AFTER)
    parts = [rng.choice(GREETINGS), "", wrap(before, width), "", wrap(body, width)]
    if after:
        parts += ["", wrap(after, width)]
    parts += ["", rng.choice(SIGNOFFS), signature]
    text = "\n".join(parts)
    if quote:
        head = "On {} {} wrote:\n".format(rng.choice(["Mon, 3 Nov", "Tue, 18 Nov", "Fri, 21 Nov"]), who)
        text = head + "\n".join((quote + line).rstrip() if line else quote.rstrip()
                                for line in text.split("\n"))
        text = "Hi {},\nforwarding this one, see below.\n\n".format(rng.choice(["Sam", "Lee", "team"])) + text
    if crlf:
        text = text.replace("\n", "\r\n")
    return text


def initial_sync_wrapper(rng, body, ctx):
    return ("Dual write Initial Sync completed with status: Error. Following are the details:\n"
            "Executed leg: From AX {map} to CRM {table}\n"
            "with exported records count: {n}, ImportRecordsErrorCount: {e},\n"
            "ImportRecordsInsertedCount: 0 and ImportRecordsUpdatedCount: 0\n"
            "ErrorsDetails:\nDual write Initial sync failed\nMessage: {body}\n"
            "Stacktrace: at\nMicrosoft.Dynamics.Integrator.QueryGenerator.AxClient.<ExportAxPackage>d__16.MoveNext()\n"
            "--- End of stack trace from previous location where exception was thrown ---\n"
            "at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()\n").format(
        map=ctx["map"], table=ctx["table"], n=rng.randint(0, 900), e=rng.randint(0, 40), body=body)


WRAPPER_CATEGORIES = ("initial_sync", "initial_sync_known_issue")
STYLES = ["raw", "mail72", "quoted66", "crlf78", "wrapper", "chat60", "quoted-twice70", "mail60"]


def present(rng, style, body, ctx, category):
    if style == "raw":
        return body
    if style == "mail72":
        return mail(rng, body, ctx, 72)
    if style == "quoted66":
        return mail(rng, body, ctx, 66, quote="> ")
    if style == "crlf78":
        return mail(rng, body, ctx, 78, crlf=True)
    if style == "wrapper":
        if category in WRAPPER_CATEGORIES:
            return initial_sync_wrapper(rng, body, ctx)
        return mail(rng, body, ctx, 76, crlf=True)
    if style == "chat60":
        return "{} [{}:{:02d}]\n{}".format(rng.choice(PEOPLE)[0], rng.randint(8, 17), rng.randint(0, 59),
                                          wrap(body, 60, hard=True))
    if style == "quoted-twice70":
        inner = mail(rng, body, ctx, 68, quote="> ")
        return "See the thread below.\n\n" + "\n".join(("> " + l) if l else ">" for l in inner.split("\n"))
    if style == "mail60":
        return mail(rng, body, ctx, 60)
    raise ValueError(style)


# ---------------------------------------------------------------- texts of each entry
# Each maker returns (body, context or None, acceptable ids). Context makes the case a .json file:
# given when the entry's conditions need facts the text alone is not meant to carry.

def fill_generic(rng, text, ctx):
    m, table, fo = ctx["map"], ctx["table"], ctx["fo"]
    reps = {"<field name>": rng.choice(["PRODUCTNAME", "CREDITMAX", "PAYMENTTERMS", "DLVMODE", "TAXGROUP"]),
            "<entity name>": table, "<entity set>": table, "<referenced entity set>": "msdyn_paymentterms",
            "<key values>": "{},{}".format(rng.choice(["Net30", "N060", "COD"]), ctx["company"]),
            "{Finance and Operations UniqueEntityName}": fo, "{finance and operations UniqueEntityName}": fo,
            "{project name}": "{}_{}".format(fo, rng.choice(["msdyn", "dw"])),
            "{sourceFilter}": rng.choice(["(ACCOUNTNUM == 'US-*'", "DATAAREAID = usmf AND", "((CustGroup = \"10\")"]),
            "{finance and operations EntityFilterQueryString}": "SELECT FIRSTFAST(1) * FROM {} WHERE (DataAreaId = N'{}')".format(fo, ctx["company"]),
            "{Finance and Operations EntityFilterQueryString}": "SELECT * FROM {} WHERE (Blocked = 0)".format(fo),
            "{datasource.DataSourceName}": rng.choice(["CustTable", "DirPartyTable", "LogisticsPostalAddress", "VendTable"]),
            "{finance and operations EntityMetadata.EntityProperties.LogicalEntityName}": fo,
            "{Finance and Operations EntityMetadata.EntityProperties.LogicalEntityName}": fo,
            "{s.EntityFieldName}": rng.choice(["PrimaryContactEmail", "FullPrimaryAddress", "AddressDescription"]),
            "{datasourceTable.Key.subscribedTableName}": rng.choice(["DirPartyTable", "LogisticsLocation"]),
            "{datasourceTable.Key.entityName}": fo, "{origTableToEntityMaps.EntityName}": "DirPartyBaseEntity",
            "{Entity Name}": table, "{Entity Fields}": "msdyn_company, accountnumber",
            "{IntegrationKeyDetails}": "msdyn_company, accountnumber", "{EntityName}": table,
            "???": guid(rng), "***": rng.choice(["adatum-dev01aos", "contoso-test12", "fabrikam-uat7"]),
            "### MB": "{} MB".format(rng.randint(116, 300)), "<your session id>": guid(rng),
            "<your root activity> id": guid(rng) + " id", "values X": "values {{{}}}".format(guid(rng)),
            "...": "", "XXXXX": guid(rng)[:12], "xxxxxx-xxxx-xxxx-xxxxxxxx": guid(rng),
            "XXXX": rng.choice(["unitedstates-002", "europe-001"])}
    out = text
    for key in sorted(reps, key=len, reverse=True):
        if key != "{}":
            out = out.replace(key, reps[key])
    # an empty {} stands for whatever the word before it names
    by_word = {"has": str(rng.randint(2, 9)), "Entity": fo, "fields": "AccountNum, DataAreaId",
               "plugins": rng.choice(["Contoso.Plugins.AccountAudit", "Adatum.Crm.CreditCheck"]),
               "Datasource:": rng.choice(["CustTable", "DirPartyTable"])}
    while "{}" in out:
        before = out[:out.index("{}")].split()
        out = out.replace("{}", by_word.get(before[-1] if before else "", "CustTable"), 1)
    return out.replace("  ", " ").strip()


def texts(entry):
    return [t for t in entry["error_texts"] if t.get("kind") not in ("code",)]


def make_default(entry):
    def make(rng, i, ctx):
        ts = texts(entry) or entry["error_texts"]
        t = ts[i % len(ts)]["text"]
        return fill_generic(rng, t, ctx), None, []
    return make


def lookup_url(host, table, column, val):
    return ("https://{}/api/data/v9.0/{}?$select={},{}id&$filter={} eq '{}'"
            .format(host, table, column, table.rstrip("s"), column, val))


def make_is04(rng, i, ctx):
    # first run of a map whose lookup points at its own table: run it again
    choices = [("Vendors V2", "msdyn_vendors", "msdyn_invoicevendoraccountnumber", "msdyn_vendoraccountnumber"),
               ("Customers V3", "accounts", "msdyn_billingaccount", "accountnumber"),
               ("Customers V3", "accounts", "parentaccountid", "accountnumber"),
               ("Vendors V2", "msdyn_vendors", "msdyn_vendorprimarycontactperson", "msdyn_contactpersonid")]
    m, table, col, key = choices[i % len(choices)]
    val = value(rng)
    target = "contacts" if "contact" in col else table
    wording = ["The lookup value was not found", "The lookup was not found", "The lookup wasn't found"][i % 3]
    body = ("On the {}, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid for "
            "the field: {}.{}. {}: {}. Try this URL(s) to check if the reference data exists: {}"
            .format(m, col, key, wording, val, lookup_url(rng.choice(HOSTS), target, key, val)))
    context = {"map": m, "attempts": 1, "status": "Not running", "phase": "initial"} if i % 2 else None
    return body, context, []


def make_selfref(columns, map_name, acceptable):
    def make(rng, i, ctx):
        col, key, target = columns[i % len(columns)]
        val = value(rng)
        wording = ["The lookup was not found", "The lookup wasn't found", "The lookup value was not found"][i % 3]
        body = ("Couldn't resolve the guid for the field: {}.{}. {}: {}. Try this URL(s) to check if the reference "
                "data exists: {}").format(col, key, wording, val, lookup_url(rng.choice(HOSTS), target, key, val))
        if i % 2:
            body = "On the {}, the following error: Record Id: {}, ErrorMessage: {}".format(
                map_name, rng.choice(["new record", guid(rng)]), body)
        # documented only after the map has been run a second time
        return body, {"map": map_name, "attempts": 2 + i % 2, "status": "Not running", "phase": "initial"}, acceptable
    return make


def make_is07(rng, i, ctx):
    host = "{}.azure-apim.net/apim/commondataserviceforapps/{}".format(rng.choice(["europe-002", "unitedstates-002", "asia-001"]), guid(rng).replace("-", ""))
    table, cols = rng.choice([("accounts", "accountnumber, address2_city, address2_country, msdyn_customergroupid, msdyn_paymentterm"),
                              ("contacts", "msdyn_contactpersonid, address1_city, parentcustomerid, msdyn_sellable"),
                              ("msdyn_vendors", "msdyn_vendoraccountnumber, msdyn_vendorgroupid, msdyn_paymentterm")])
    if i % 3 == 2:
        body = "{} Attempts to get data from https://{}... Failed".format(rng.choice([5, 5, 3]), host)
    else:
        body = ("CRMExport: Package execution complete. Error Description 5 Attempts to get data from https://{}//datasets/default/tables/{}/items?$select={}&$filter=(msdyn_company/cdm_companyid eq '{}')&$orderby={} asc failed."
                .format(host, table, cols, guid(rng), cols.split(",")[0]))
    return body, None, []


def make_codes(entry, exclude, fmt_list):
    codes = [c for c in sorted(entry["codes"]) if c not in exclude]

    def make(rng, i, ctx):
        code = codes[(i * 7 + 3) % len(codes)]
        msg = entry["codes"][code]["message"]
        fmt = fmt_list[i % len(fmt_list)]
        return fmt.format(code=code, msg=msg, map=ctx["map"], table=ctx["table"]), None, []
    return make


HEALTH_FAIL = ["{title} - Failed\n{desc}", "Health check failed: {title}\n{desc}",
               "X {title}   Error\n{desc}", "{title}: not passing\n{desc}"]


def make_prereq(titles_desc):
    def make(rng, i, ctx):
        title, desc = titles_desc[i % len(titles_desc)]
        body = HEALTH_FAIL[i % len(HEALTH_FAIL)].format(title=title, desc=desc)
        return "Link to Dataverse wizard, health check:\n" + body, None, []
    return make


def make_rn01(rng, i, ctx):
    m, table, fo = ctx["map"], ctx["table"], ctx["fo"]
    body = ("Unable to write data to entity {}.Writes to {} failed with error message "
            "Index and length must refer to a location within the string. Parameter name: length".format(table, fo))
    if i % 3 == 2:
        return "Index and length must refer to a location within the string.", {"map": m, "phase": "live", "direction": "FO->DV"}, []
    return body, None, []


def make_rn02(rng, i, ctx):
    bodies = ["Unable to write data to entity msdyn_partypostaladdresses. Writes to DirPartyPostalAddressLocationCDSEntity failed with error message Object reference not set to an instance of an object.",
              "Updating the postal address of customer {} fails: Object reference not set to an instance of an object".format(value(rng)),
              "Unexpected exception from plug-in (Execute): Microsoft.Dynamics.GABExtended.Plugins.UpdatePartyAddressPlugin msdyn_postaladdress: System.NullReferenceException: Object reference not set to an instance of an object."]
    return bodies[i % len(bodies)], None, []


def make_rn06(rng, i, ctx):
    lit = ["Cannot convert the literal '' to the expected type 'Edm.Int32'", "Can't convert the literal '' to the expected type 'Edm.Int32'"][i % 2]
    v = value(rng)
    bodies = ["Unable to write data to entity msdyn_vendors. Writes to VendVendorV2Entity failed with error message Request failed with status code BadRequest and CDS error code : 0x0 response message: An error occurred while validating input parameters: Microsoft.OData.ODataException: {}.".format(lit),
              "Saving vendor {} in finance and operations fails with: {}".format(v, lit)]
    if i % 3 == 2:
        return lit, {"map": "Vendors V2", "phase": "live", "direction": "FO->DV"}, []
    return bodies[i % 2], None, []


def make_ga01(rng, i, ctx):
    t = rng.choice(["08:00:00", "17:30:00", "9:00:00", "13:45"])
    bodies = ["Cannot convert the literal '{}' to the expected type 'Edm.Int32'".format(t),
              "Unable to write data to entity msdyn_contactforparties. An error occurred while validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal '{}' to the expected type edm.int32".format(t)]
    return bodies[i % 2], {"map": "Contacts V2", "phase": "initial", "status": "Not running"}, []


def make_lm01(rng, i, ctx):
    mb = rng.randint(116, 260)
    base = "Error Code: -2147220970 Error Message: Message size exceeded when sending context to Sandbox. Message size: {} MB".format(mb)
    if i % 2:
        return base, {"map": ctx["map"], "direction": "DV->FO", "phase": "live"}, []
    return ("Unexpected exception from plug-in (Execute): Microsoft.Dynamics.Integrator.DualWriteRuntime.Plugins.PreCommitPlugin: " + base), None, []


def make_lk01(rng, i, ctx):
    table, fo = ctx["table"], ctx["fo"]
    ref = rng.choice(["msdyn_paymentterms", "msdyn_customergroups", "msdyn_deliverymodes", "transactioncurrencies", "msdyn_taxgroups"])
    key = "{},{}".format(rng.choice(["Net30", "10", "USD", "AIR", "CA"]), ctx["company"])
    if i % 4 == 3:
        return "Unable to write data to entity {}".format(table), {"map": ctx["map"], "phase": "live"}, []
    return ("Unable to write data to entity {}. Unable to lookup {} with values {{{}}}. Writes to {} failed with error message Exception message: The remote server returned an error: (400) Bad Request."
            .format(table, ref, key, fo)), None, []


def make_po07(rng, i, ctx):
    bodies = ["Unable to look up msdyn_actuals with values {{{}}}".format(guid(rng)),
              "Attribute msdyn_transactiontypecode not found in the record of type msdyn_actual",
              "Unable to write data to entity msdyn_actuals"]
    return bodies[i % 3], None, []


def make_ls06(rng, i, ctx):
    ent = rng.choice(["aaa_fundingsources", "msdyn_projectcontractlines", "msdyn_contractlinescheduleofvalues"])
    other = rng.choice(["ebecsfs_contracts", "salesorders", "msdyn_projects"])
    v = "PC00{}".format(rng.randint(100, 999))
    return ("Unable to write data to entity {e}. Unable to lookup {o} with values {{{v}}}. Unable to lookup {e} with values {{{v}}}. Writes to {e} failed with error message Exception message: The remote server returned an error: (400) Bad Request."
            .format(e=ent, o=other, v=v)), None, []


def make_ls12(rng, i, ctx):
    return ("Unable to write data to entity msdyn_contactforparties. Unable to lookup msdyn_parties with values {{{:09d}}}. Unable to lookup cdm_workers with values {{{:06d}}}."
            .format(rng.randint(1, 99999), rng.randint(1, 9999))), None, []


def make_ls05(rng, i, ctx):
    return "SecureConfig Organization ({}) does not match actual CRM Organization ({}).".format(guid(rng), guid(rng)), None, []


def make_su04(rng, i, ctx):
    return "Finance and operations apps environment {} is not discoverable.".format(rng.choice(FO_HOSTS)), None, []


def make_ms01(rng, i, ctx):
    p = "DWM-{}-{}".format(guid(rng), guid(rng))
    dash = ["Dual write failure", "Dual-write failure"][i % 2]
    return ("{} - Plugin registration failed: [(Unable to get partition map for project {p}. Error Exceeds the maximum partitions allowed for mapping {p})], One or more errors occurred."
            .format(dash, p=p)), None, []


def make_ms05(rng, i, ctx):
    m = ["Customers V3 (accounts)", "Customers V3 (accounts)", "Vendors V2 (msdyn_vendors)", "Contacts V2 (msdyn_contactforparties)"][i % 4]
    fields = {"Customers": ["msdyn_billingaccount.accountnumber", "msdyn_primarycontact.msdyn_contactforpartynumber"],
              "Vendors": ["msdyn_vendorprimarycontactperson.msdyn_contactforpartynumber", "msdyn_party.msdyn_partynumber"],
              "Contacts": ["msdyn_associatedparty.msdyn_partynumber", "msdyn_contactpersonparty.msdyn_partynumber"]}[m.split()[0]]
    return "{}: Project validation failed. ".format(m) + " ".join("Missing destination field {} in the schema.".format(f) for f in fields), None, ["MP01_PROJECT_VALIDATION_FAILED_REFRESH_TABLES"]


def make_ms04(rng, i, ctx):
    f = rng.choice(["PRODUCTNAME", "CREDITMAX", "PRIMARYCONTACTEMAIL", "DLVMODE", "SALESTAXGROUP"])
    return ["Missing source field {} in the schema.".format(f),
            "{} ({}): Project validation failed. Missing source field {} in the schema.".format(ctx["map"], ctx["table"], f)][i % 2], None, []


def make_mp01(rng, i, ctx):
    m = rng.choice(["Project Operations integration actuals (msdyn_actuals)", "Project expense categories (msdyn_expensecategories)",
                    "Integration entity for project hour estimates (msdyn_resourceassignments)", "Project contract lines (salesorderdetails)"])
    return ["{}: Project validation failed".format(m), "Project validation failed."][i % 2], None, []


def make_ms03(rng, i, ctx):
    sol, req = rng.choice([("Dynamics365Company", "2.0.133"), ("Dynamics365FinanceExtended", "2.0.227"),
                           ("Dynamics365FinanceAndOperationsCommon", "2.0.133"), ("CurrencyExchangeRates", "2.0.133"),
                           ("Dynamics365SupplyChainExtended", "2.0.227"), ("Dynamics365HR", "2.1.5")])
    have = rng.choice(["1.0.0.0", "2.0.2.10", "1.0.4.2"])
    body = "Dynamics 365 for Sales solution '{}' has version mismatch. Version: '{}' Required version: '{}'".format(sol, have, req)
    if i % 2:
        body = "{} ({}) : Dual write failure - ".format(ctx["map"], ctx["table"]) + body
    return body, None, []


MAKERS = {
    "IS04_SELFREF_RUN_TWICE": make_is04,
    "IS05_SELFREF_VENDORS_V2": make_selfref(
        [("msdyn_vendorprimarycontactperson", "msdyn_contactpersonid", "contacts"),
         ("msdyn_invoicevendoraccountnumber", "msdyn_vendoraccountnumber", "msdyn_vendors")], "Vendors V2", []),
    "IS06_SELFREF_CUSTOMERS_V3": make_selfref(
        [("primarycontactid", "msdyn_contactpersonid", "contacts"),
         ("msdyn_billingaccount", "accountnumber", "accounts")], "Customers V3", []),
    "IS07_MORE_THAN_10_LOOKUPS": make_is07,
    "MS01_MAX_PARTITIONS_LEGAL_ENTITIES": make_ms01,
    "MS03_SOLUTION_VERSION_MISMATCH": make_ms03,
    "MS04_MISSING_SOURCE_FIELD": make_ms04,
    "MS05_PROJECT_VALIDATION_MISSING_DEST_FIELD": make_ms05,
    "MP01_PROJECT_VALIDATION_FAILED_REFRESH_TABLES": make_mp01,
    "SU04_ENVIRONMENT_NOT_DISCOVERABLE": make_su04,
    "LS05_SECURECONFIG_ORG_MISMATCH": make_ls05,
    "LS06_SAME_BATCH_CROSS_REFERENCE": make_ls06,
    "LS12_VIEW_CONTACT_FORM_LOOKUP": make_ls12,
    "RN01_CORE_TRUNCATE_INDEX_AND_LENGTH": make_rn01,
    "RN02_GAB_POSTAL_ADDRESS_UPDATE_NULL_REFERENCE": make_rn02,
    "RN06_VENDOR_SAVE_EDM_INT32_EMPTY_LITERAL": make_rn06,
    "GA01_CONTACTFORPARTY_TIME_FIELDS_INITIAL_SYNC": make_ga01,
    "LM01_MESSAGE_SIZE_EXCEEDED_SANDBOX": make_lm01,
    "LK01_UNABLE_TO_LOOKUP_MISSING_REFERENCE_DATA": make_lk01,
    "PO07_INVALID_ACTUALS_ROLLED_BACK": make_po07,
}


def maker_for(entry):
    eid = entry["id"]
    if eid in MAKERS:
        return MAKERS[eid]
    if eid == "MS07_HEALTH_CHECK_CODES":
        # DWFOEV1006 belongs to MS06 (its own entry)
        return make_codes(entry, {"DWFOEV1006"}, ["{code}: {msg}", "Health check error {code} - {msg}",
                                                  "Dual-write health check: {code} {msg}."])
    if eid == "MS08_DIPV_VALIDATION_CODES":
        # DIPV1022 belongs to MS04 (its own entry)
        return make_codes(entry, {"DIPV1022"}, ["{map} ({table}): Project validation failed. [{code}] {msg}",
                                                "[{code}] {msg}", "Project validation failed. {code}: {msg}"])
    if entry.get("category") == "setup_health_check":
        ts = [t["text"] for t in entry["error_texts"]]
        pairs = [(ts[0], ts[1] if len(ts) > 1 else "")] + [(ts[0], t) for t in ts[2:]]
        return make_prereq(pairs)
    return make_default(entry)


# ---------------------------------------------------------------- look-alikes: other products, expected none

def lookalikes(rng):
    g = lambda: guid(rng)
    return [
        ("power-automate-token-exchange", "[Forbidden], [{\"status\":403,\"source\":\"https://europe-002.token.azure-apim.net:443/tokens/europe-002/sharepointonline/" + g() + "/exchange\",\"message\":\"Error from token exchange: User " + g() + " is not allowed to access connection europe-002/sharepointonline/" + g() + "\"}], The remote server returned an error: (403) Forbidden."),
        ("power-apps-dataverse-connector-dlp", "Flow 'Send approval' failed: Error from token exchange: User is not allowed to access connection shared_commondataserviceforapps/" + g() + " because of the data loss prevention policy 'Default environment policy'."),
        ("business-central-token-exchange", "Business Central Dataverse synchronization job queue entry failed: Error from token exchange: User " + g() + " is not allowed to access connection unitedstates-002/dynamicssmbsaas/" + g() + ". The remote server returned an error: (403) Forbidden."),
        ("business-central-bad-request", "Integration Synch. Job Errors (Customer - Account): The remote server returned an error: (400) Bad Request. Business Central could not couple the record because the coupled Dataverse account was deleted."),
        ("business-central-couple-lookup", "Business Central: Coupling failed for Customer 10000. The lookup value was not found for field Currency Code in table Customer (Dataverse table: transactioncurrencies)."),
        ("dataverse-plugin-null-reference", "Unexpected exception from plug-in (Execute): Contoso.Crm.Plugins.OpportunityPreUpdate: System.NullReferenceException: Object reference not set to an instance of an object."),
        ("dataverse-plugin-index-length", "Unexpected exception from plug-in (Execute): Fabrikam.Plugins.CaseNumbering: System.ArgumentOutOfRangeException: Index and length must refer to a location within the string. Parameter name: length"),
        ("dataverse-plugin-sandbox-size", "Error Code: -2147220970 Error Message: Message size exceeded when sending context to Sandbox. Message size: 131 MB. Plug-in: Adatum.Documents.AttachmentArchiver"),
        ("dataverse-plugin-0x80040265", "Business Process Error: Request failed with status code BadRequest and CDS error code : 0x80040265 response message: The credit limit of this customer would be exceeded. Ask your manager for approval."),
        ("dataverse-webapi-int32", "PATCH /api/data/v9.2/incidents(" + g() + ") returned 400: An error occurred while validating input parameters: Microsoft.OData.ODataException: Cannot convert the literal '' to the expected type 'Edm.Int32'."),
        ("dataverse-incident-default-state", "System.InvalidOperationException: The 'incident' entity must be in the default (null) or unchanged state. at Microsoft.Xrm.Sdk.Client.OrganizationServiceContext.UpdateObject(Entity entity)"),
        ("dataverse-length-other-table", "The length of the 'description' attribute of the 'incident' entity exceeded the maximum allowed length of '2000'."),
        ("dataverse-duplicate-key", "A record that has the attribute values Case Number already exists. The entity key Case Number Key requires that this set of attributes contains unique values. Select unique values and try again. 0x80040237"),
        ("export-to-data-lake-uri", "Export to Data Lake: table CustTable is in error. Initialization failed: System.UriFormatException: Invalid URI: The URI is empty."),
        ("export-to-data-lake-forbidden", "Export to Data Lake (finance and operations): Activation failed for table SalesTable. The remote server returned an error: (403) Forbidden. Check the storage account permissions of the Key Vault application."),
        ("synapse-link-bad-request", "Azure Synapse Link for Dataverse: table account failed in initial sync. ([Bad Request], The remote server returned an error: (400) Bad Request.) Folder not found in the storage container."),
        ("kingswaysoft-connect-crm", "SSIS package DailyAccounts failed: [CDS Destination [2]] Error: Failed to connect to CRM. The remote server returned an error: (401) Unauthorized."),
        ("azure-function-404", "Function 'SyncInvoices' failed: System.Net.Http.HttpRequestException: Response status code does not indicate success: 404 (Not Found). at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()"),
        ("azure-function-401", "Timer trigger 'NightlyExport' failed: System.Net.Http.HttpRequestException: Response status code does not indicate success: 401 (Unauthorized). at Contoso.Export.BlobClient.PutAsync()"),
        ("dotnet-duplicate-key", "Report server error: An item with the same key has already been added. at System.Collections.Generic.Dictionary`2.TryInsert(TKey key, TValue value, InsertionBehavior behavior)"),
        ("iframe-refused-to-connect", "In the Power BI embedded tile we only see: app.powerbi.com refused to connect."),
        ("dmf-import-validatewrite", "Data management import job 'Customers import' failed: Field 'Customer group' must be filled in. validateWrite failed on data source 'CustCustomerV3Entity (CustCustomerV3Entity)'."),
        ("dmf-bad-request-odata", "OData call from the Logic App to /data/SalesOrderHeadersV2 failed: The remote server returned an error: (400) Bad Request."),
        ("power-automate-not-member", "Flow run failed. Action 'Add a new row' failed: {\"error\":{\"code\":\"0x80072560\",\"message\":\"The user is not a member of the organization.\"}} The remote server returned an error: (403) Forbidden."),
        ("devops-project-validation", "Azure DevOps release 'Portal-CI' stage Build failed: Project validation failed. The project file ContosoPortal.csproj references an SDK that could not be found."),
        ("power-apps-something-went-wrong", "Opening the canvas app 'Field inspections' only shows: Something went wrong. Try again later or contact your administrator."),
        ("sql-transaction-message", "Cannot save the changes to the database. The SQL database has issued an error. Violation of PRIMARY KEY constraint 'I_10013RECID'."),
    ]


# ---------------------------------------------------------------- generate

def entry_context(rng):
    m, table, fo = rng.choice(MAPS)
    return {"map": m, "table": table, "fo": fo, "company": rng.choice(COMPANIES)}


def write_case(folder, name, text, context):
    if context is None:
        path = os.path.join(folder, name + ".txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    else:
        case = dict(context)
        case["case"] = name
        case["errors"] = [text]
        path = os.path.join(folder, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(case, f, indent=1)
    return os.path.basename(path)


def generate(out, catalog_path, variants, seed):
    catalog = json.load(open(catalog_path, encoding="utf-8"))
    cases = os.path.join(out, "cases")
    os.makedirs(cases, exist_ok=True)
    labels = {}
    for entry in catalog["issues"]:
        if not entry.get("error_texts"):
            continue
        rng = random.Random("{}:{}".format(seed, entry["id"]))
        make = maker_for(entry)
        for i in range(variants):
            ctx = entry_context(rng)
            body, context, acceptable = make(rng, i, ctx)
            style = STYLES[(i + len(entry["id"])) % len(STYLES)]
            if context is not None and style == "wrapper" and entry["category"] not in WRAPPER_CATEGORIES:
                style = "mail72"
            text = present(rng, style, body, ctx, entry["category"])
            name = "{}-{:02d}-{}".format(entry["id"], i, style)
            fname = write_case(cases, name, text, context)
            labels[fname] = {"expected": entry["id"], "acceptable": acceptable, "entry": entry["id"],
                             "category": entry["category"], "style": style}
    rng = random.Random("{}:lookalikes".format(seed))
    for name, body in lookalikes(rng):
        for j, style in enumerate(["raw", "quoted66", "crlf78"]):
            ctx = entry_context(rng)
            ctx["other"] = True
            text = present(rng, style, body, ctx, "other")
            fname = write_case(cases, "none-{}-{}".format(name, style), text, None)
            labels[fname] = {"expected": "none", "acceptable": [], "entry": "none:" + name,
                             "category": "look-alike", "style": style}
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, sort_keys=True)
    print("{} cases ({} look-alikes) in {}".format(len(labels), sum(1 for v in labels.values() if v["expected"] == "none"), cases))


# ---------------------------------------------------------------- score

def score(out, results_path):
    labels = json.load(open(os.path.join(out, "labels.json"), encoding="utf-8"))
    got = {}
    for line in open(results_path, encoding="utf-8"):
        rec = json.loads(line)
        got[os.path.basename(rec["source"])] = rec
    per_entry = defaultdict(lambda: [0, 0, 0])   # cases, hits, cases with a wrong diagnosis
    per_cat = defaultdict(lambda: [0, 0])
    misses, wrongs = [], []
    tp = fp = 0                                  # diagnoses right / wrong, over all cases
    hits = positives = 0
    for fname, lab in sorted(labels.items()):
        rec = got.get(fname)
        kbs = [d["kb"] for d in rec["diagnoses"]] if rec and rec.get("diagnoses") else []
        status = rec["status"] if rec else "missing"
        exp = lab["expected"]
        wrong = sorted(set(k for k in kbs if k != exp and k not in lab["acceptable"]))
        right = [k for k in kbs if k == exp or k in lab["acceptable"]]
        tp += len(set(right))
        fp += len(wrong)
        e = per_entry[lab["entry"]]
        e[0] += 1
        if wrong:
            e[2] += 1
            wrongs.append((fname, exp, wrong))
        if exp != "none":
            positives += 1
            c = per_cat[lab["category"]]
            c[0] += 1
            if exp in kbs:
                hits += 1
                e[1] += 1
                c[1] += 1
            else:
                misses.append((fname, exp, status, kbs))
    print("per entry (cases, recall, cases with a wrong diagnosis):")
    for eid in sorted(per_entry):
        n, h, w = per_entry[eid]
        if eid.startswith("none:"):
            print("  {:<58} {:>3}  {:>6}  wrong {}".format(eid, n, "-", w))
        else:
            print("  {:<58} {:>3}  {:>5.0f}%  wrong {}".format(eid, n, 100.0 * h / n, w))
    print("per category (cases, recall):")
    for cat in sorted(per_cat):
        n, h = per_cat[cat]
        print("  {:<32} {:>4}  {:>5.1f}%".format(cat, n, 100.0 * h / n))
    negatives = sum(1 for v in labels.values() if v["expected"] == "none")
    neg_wrong = sum(1 for f, exp, w in wrongs if exp == "none")
    print("overall: recall {}/{} = {:.1f}%   precision {}/{} = {:.1f}% (diagnoses)   look-alikes diagnosed {}/{}".format(
        hits, positives, 100.0 * hits / max(positives, 1), tp, tp + fp, 100.0 * tp / max(tp + fp, 1), neg_wrong, negatives))
    print("misses ({}):".format(len(misses)))
    for fname, exp, status, kbs in misses:
        print("  {}  expected {}  got {} {}".format(fname, exp, status, ",".join(kbs) or "-"))
    print("wrong diagnoses ({}):".format(len(wrongs)))
    for fname, exp, wrong in wrongs:
        print("  {}  expected {}  wrong {}".format(fname, exp, ",".join(wrong)))


def main(argv):
    if len(argv) >= 2 and argv[0] == "generate":
        opts = {"--catalog": "rules/catalog.json", "--variants": "8", "--seed": "7"}
        rest = argv[2:]
        for k, v in zip(rest[::2], rest[1::2]):
            if k not in opts:
                sys.exit("recall.py: unknown option " + k)
            opts[k] = v
        generate(argv[1], opts["--catalog"], int(opts["--variants"]), opts["--seed"])
    elif len(argv) == 3 and argv[0] == "score":
        score(argv[1], argv[2])
    else:
        sys.exit(__doc__.split("\n\n")[1])


if __name__ == "__main__":
    main(sys.argv[1:])
