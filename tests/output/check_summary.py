#!/usr/bin/env python3
"""Validates a summary.json written by `corsim ... --out DIR` against schemas/summary.schema.json.

Also checks what a schema cannot say: every key result has one value per replication, and
estimates with an interval came from at least two replications.

Exit status: 0 valid, 1 invalid, 2 usage errors. Needs python3-jsonschema.
Usage: check_summary.py SCHEMA.json SUMMARY.json
"""

import json
import sys

try:
    import jsonschema
except ImportError as e:  # pragma: no cover
    print(f"check_summary: {e}; install python3-jsonschema", file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    summary = json.load(open(sys.argv[2], encoding="utf-8"))
    failures = []
    for err in jsonschema.Draft202012Validator(schema).iter_errors(summary):
        where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
        failures.append(f"{where}: {err.message[:300]}")
    replications = summary.get("run", {}).get("replications")
    for s in summary.get("scenarios", []):
        for k in s.get("key_results", []):
            if len(k["per_replication"]) != replications:
                failures.append(f"{s['name']}: {k['subject']} {k['measure']}: "
                                f"{len(k['per_replication'])} values for {replications} "
                                "replications")
        if len(s.get("replications", [])) != replications:
            failures.append(f"{s['name']}: {len(s['replications'])} replication summaries")
    for f in failures:
        print(f"{sys.argv[2]}: {f}")
    print(f"check_summary: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
