#!/usr/bin/env python3
"""Prints the catalog's match_fragments, one per line, for grep -F -f. Usage: fragments.py [catalog.json] (default rules/catalog.json)."""
import json, sys

path = sys.argv[1] if len(sys.argv) > 1 else "rules/catalog.json"
catalog = json.load(open(path))
seen = set()
for issue in catalog["issues"]:
    for f in issue.get("match_fragments") or []:
        if f and f not in seen:
            seen.add(f)
            print(f)
