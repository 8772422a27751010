#!/usr/bin/env python3
"""Writes one text case holding N row errors of a failed initial sync, as the Initial sync details tab
lists them for a big table: one "On the <map>, the following error: ... Couldn't resolve the guid ..."
line per row, each with its own lookup value and check URL, after a short note from the user.

Usage: bench/many_errors.py N FILE
"""
import sys

ROW = ("On the Vendors V2, the following error: Record Id: new record, ErrorMessage: Couldn't resolve the guid "
       "for the field: msdyn_invoicevendoraccountnumber.msdyn_vendoraccountnumber. The lookup wasn't found: "
       "{v}. Try this URL(s) to check if the reference data exists: "
       "https://contoso.crm.dynamics.com/api/data/v9.2/msdyn_vendors?$select=msdyn_vendoraccountnumber,"
       "msdyn_vendorid&$filter=msdyn_vendoraccountnumber eq '{v}'")


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8") as f:
        f.write("Initial sync of Vendors V2 failed again, the details tab lists these:\n\n")
        for i in range(n):
            f.write(ROW.format(v="V-%05d" % i) + "\n")


if __name__ == "__main__":
    main()
