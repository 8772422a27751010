#!/usr/bin/env python3
"""Writes N synthetic batch inputs (0.2-4 KB each) into DIR, 1000 per sub-folder.

Mix (deterministic for a given N and --seed): 30% 400 Bad Request AX export, 20% 403 Forbidden AX export,
20% self-reference lookups with varied values (.log), 10% map-not-running JSON cases, 15% unknown errors
with varied numbers and ids, 5% invalid inputs (broken JSON, empty file, binary).
Usage: generate.py N DIR [--seed S] [--jsonl]   (--jsonl: one JSON case per line on stdout instead)
"""
import json, os, random, sys, uuid

HEADER = ("Dual write Initial Sync completed with status: Error. Following are the details:\n"
          "Executed leg: From AX {src} to CRM {dst}\nwith exported records count: {n}, ImportRecordsErrorCount: 0,\n"
          "ImportRecordsInsertedCount: 0 and ImportRecordsUpdatedCount: 0\nErrorsDetails:\nDual write Initial sync failed\n")
FRAMES = ["at Microsoft.Dynamics.Integrator.QueryGenerator.AxClient.\\<ExportAxPackage\\>d__16.MoveNext()",
          "in X:\\\\bt\\\\{b}\\\\repo\\\\src\\\\Core\\\\QueryGenerator\\\\AxClient.cs:line 265",
          "\\--- End of stack trace from previous location where exception was thrown ---",
          "at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()",
          "at System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification(Task task)",
          "at Microsoft.D365.ServicePlatform.Context.ServiceContext.Activity.\\<ExecuteAsync\\>d__11\\`2.MoveNext()"]
MAPS = [("Vendors V2", "Vendors V2", "msdyn_vendors"), ("Customers V3", "Customers V3", "accounts"),
        ("Customer groups", "Customer groups", "msdyn_customergroups"), ("Financial dimensions", "Financial dimensions", "msdyn_dimensionattributes")]
UNKNOWN = ["The quantum flux capacitor on table {e} could not be aligned (code {n}).",
           "Timeout expired after {n} ms while writing batch {g} to {e}.",
           "Record {g} in company USMF-{n} was locked by another transaction.",
           "Value '{v}' for field {e}.msdyn_name exceeds the maximum length of {n}."]


def stack(r, target):
    lines = []
    while sum(len(l) + 1 for l in lines) < target:
        lines.append(r.choice(FRAMES).replace("{b}", str(r.randint(1000000, 9999999))))
    return "Stacktrace: " + "\n".join(lines)


def text_case(r, kind, size):
    m, src, dst = r.choice(MAPS)
    head = HEADER.format(src=src, dst=dst, n=r.randint(0, 500000))
    if kind == "400":
        msg = "Message: ([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error\n"
    elif kind == "403":
        msg = "Message: ([Forbidden], The remote server returned an error: (403) Forbidden.), AX export encountered an error\n"
    elif kind == "selfref":
        vals = ["V-%05d" % r.randint(0, 99999) for _ in range(r.randint(1, 4))]
        msg = "".join(
            "On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid for the field: "
            "msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup wasn't found: %s. Try this URL(s) to check if "
            "the reference data exists: https://org%d.crm.dynamics.com/api/data/v9.2/msdyn_vendors?$select=msdyn_vendoraccountnumber,"
            "msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq '%s'\n\n" % (v, r.randint(1, 999), v) for v in vals)
        head = ""
    else:
        msg = "Message: " + r.choice(UNKNOWN).format(e="msdyn_" + r.choice(["widgets", "gadgets", "things"]), n=r.randint(1, 99999),
                                                     g=uuid.UUID(int=r.getrandbits(128)), v="X%d" % r.randint(1, 999)) + "\n"
    body = head + msg
    return body + stack(r, max(0, size - len(body)))


def json_case(r, i):
    m = r.choice(MAPS)[0]
    return {"case": "nr-%d" % i, "map": m, "status": "Not running", "attempts": r.randint(1, 3), "roles": ["System admin"] if r.random() < .5 else []}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0])
    seed = 42
    if "--seed" in sys.argv:
        seed = int(sys.argv[sys.argv.index("--seed") + 1])
    jsonl = "--jsonl" in sys.argv
    r = random.Random(seed)
    out = None if jsonl else args[1]
    stdout = sys.stdout
    for i in range(n):
        p = r.random()
        size = r.randint(200, 4000)
        folder = None if jsonl else os.path.join(out, "%04d" % (i // 1000))
        if folder and i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        if p < .30:
            kind, ext = "400", ".txt"
        elif p < .50:
            kind, ext = "403", ".txt"
        elif p < .70:
            kind, ext = "selfref", ".log"
        elif p < .80:
            kind, ext = "notrunning", ".json"
        elif p < .95:
            kind, ext = "unknown", ".txt"
        else:
            kind, ext = "invalid", r.choice([".json", ".txt", ".log"])
        if jsonl:
            if kind == "notrunning":
                stdout.write(json.dumps(json_case(r, i)) + "\n")
            elif kind == "invalid":
                stdout.write('{"case": "broken-%d", "error": \n' % i)
            else:
                stdout.write(json.dumps({"case": "c%d" % i, "occurrences": r.randint(0, 3), "error": text_case(r, kind, size)}) + "\n")
            continue
        path = os.path.join(folder, "case-%07d%s" % (i, ext))
        if kind == "notrunning":
            data = json.dumps(json_case(r, i), indent=1)
            data = data + " " * max(0, 200 - len(data))
            open(path, "w").write(data)
        elif kind == "invalid":
            if ext == ".json":
                open(path, "w").write('{"case": "broken", "error": "never closed' + "x" * r.randint(200, 3000))
            elif ext == ".txt":
                open(path, "w").close()
            else:
                open(path, "wb").write(bytes([0, 0xFF, 0xFE, 0xC3, 0x28]) + os.urandom(r.randint(200, 3000)))
        else:
            open(path, "w").write(text_case(r, kind, size))


if __name__ == "__main__":
    main()
