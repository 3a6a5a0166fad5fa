#!/usr/bin/env python3
"""Keeps the JSON Schemas, the corridor and scenario files and the C++ loader in step.

1. The schemas (schemas/corridor.schema.json, schemas/scenario.schema.json) are valid JSON
   Schemas, draft 2020-12.
2. Every corridor file in corridors/ and examples/ (YAML with a top-level `nodes` list) validates
   against the corridor schema, and every scenario file (a top-level `base` or `extends`) against
   the scenario schema. Other YAML files there (bookings...) are skipped and listed.
3. Every key name the loader knows appears in its schema: the keys of the scenario loader
   (src/io/scenario_*.cpp, *.hpp) in scenario.schema.json, those of the other files of src/io in
   corridor.schema.json. The loader lists its known keys as string literals passed to a MapReader
   or to a function or array whose name ends in `keys`
   (`MapReader m(diag, y, "a node", {"id", "name"})`, `keys(node, {"id"})`,
   `known_keys[] = {...}`); literals that are not key-like names (messages) are ignored. A
   name table of the base library passed instead (`MapReader m(diag, y, "...", cargo_names())`)
   stands for the literals of that function in src/core/network.cpp.
   With --strict, also every key of each schema must appear in its part of the loader.

Exit status: 0 when all is in step, 1 on any mismatch or invalid file, 2 on usage errors.
Needs python3-yaml and python3-jsonschema (Debian 12: apt-get install python3-yaml python3-jsonschema).

Usage: scripts/check-schema.py [--root DIR] [--strict] [FILE.yaml ...]
"""

import argparse
import json
import pathlib
import re
import sys

try:
    import yaml
    import jsonschema
except ImportError as e:  # pragma: no cover
    print(f"check-schema: {e}; install python3-yaml and python3-jsonschema", file=sys.stderr)
    sys.exit(2)


class Yaml12Loader(yaml.SafeLoader):
    """Safe loader close to YAML 1.2's core schema, as yaml-cpp and yaml-language-server read
    files: dates (2023-01-02) and clock times (10:00) stay strings, and only true/false are
    booleans (PyYAML's YAML 1.1 would read `10:00` as 600 and `NO` as false)."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _rx, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:int", r"^0x[0-9a-fA-F]+$", "0"),
    ("tag:yaml.org,2002:float",
     r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("tag:yaml.org,2002:float", r"^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$", "-+."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_rx), list(_first))


def schema_keys(node, out):
    """All property names declared anywhere in the schema."""
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            out.add(k)
        for v in node.values():
            schema_keys(v, out)
    elif isinstance(node, list):
        for v in node:
            schema_keys(v, out)
    return out


# `MapReader m(diag, node, "what", {"key", ...})`, `keys(node, {...})`, `known_keys[] = {...}`.
KEY_CALL = re.compile(r"\b(?:\w*keys|MapReader(?:\s+\w+)?)\s*(?:\[\s*\w*\s*\]\s*)?(?:=\s*)?([({])")
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
KEY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def balanced(text, start):
    """Text from the bracket at `start` to its matching close (string literals respected)."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack = []
    i = start
    while i < len(text):
        c = text[i]
        if c == '"':
            m = STRING.match(text, i)
            i = m.end() if m else i + 1
            continue
        if c in pairs:
            stack.append(pairs[c])
        elif stack and c == stack[-1]:
            stack.pop()
            if not stack:
                return text[start : i + 1]
        i += 1
    return text[start:]


def is_scenario_source(path):
    """The scenario loader's sources: their keys belong to scenario.schema.json."""
    return path.name.startswith("scenario_") or path.name == "scenario.hpp"


NAME_TABLE_USE = re.compile(r"\b(\w+_names)\s*\(\s*\)")


def name_table(io_dir, function):
    """[(name, file:line)] of the literals in the body of `function()` in src/core/network.cpp."""
    path = io_dir.parent / "core" / "network.cpp"
    text = strip_comments(path.read_text(encoding="utf-8"))
    m = re.search(r"\b" + function + r"\s*\(\s*\)\s*\{", text)
    if not m:
        return []
    body = balanced(text, m.end() - 1)
    start = m.end() - 1
    return [(s.group(1), f"{path}:{text.count(chr(10), 0, start + s.start()) + 1}")
            for s in STRING.finditer(body) if KEY_NAME.match(s.group(1))]


def loader_keys(io_dir, scenario):
    """{key: [file:line, ...]} for every key literal in a *keys(...)/*keys{...} list, in the
    scenario loader's files (scenario=True) or the others (scenario=False)."""
    found = {}
    for path in sorted(list(io_dir.rglob("*.cpp")) + list(io_dir.rglob("*.hpp"))):
        if is_scenario_source(path) != scenario:
            continue
        text = strip_comments(path.read_text(encoding="utf-8"))
        for m in KEY_CALL.finditer(text):
            group = balanced(text, m.start(1))
            for s in STRING.finditer(group):
                if KEY_NAME.match(s.group(1)):
                    line = text.count("\n", 0, m.start(1) + s.start()) + 1
                    found.setdefault(s.group(1), []).append(f"{path}:{line}")
            for t in NAME_TABLE_USE.finditer(group):
                for name, where in name_table(io_dir, t.group(1)):
                    found.setdefault(name, []).append(where)
    return found


def compare_keys(known, schema, schema_name, where, strict):
    """Failures (0 or more) of comparing the loader's keys with a schema's keys."""
    failures = 0
    in_schema = schema_keys(schema, set())
    if not known:
        print(f"{where}: no key lists found (expected string literals in *keys(...) calls); "
              "update scripts/check-schema.py if the loader lists its keys differently")
        return 1
    missing = sorted(set(known) - in_schema)
    for k in missing:
        print(f"loader key '{k}' ({', '.join(known[k][:3])}) is not in {schema_name}")
    failures += bool(missing)
    unknown_to_loader = sorted(in_schema - set(known))
    if unknown_to_loader:
        print(f"{'error' if strict else 'note'}: {schema_name} keys not found in the key lists of "
              f"{where}: {', '.join(unknown_to_loader)}")
    if strict:
        failures += bool(unknown_to_loader)
    print(f"{where}: {len(known)} loader keys, {schema_name}: {len(in_schema)} schema keys")
    return failures


def load_schema(path):
    """The schema's validator, or None after printing why not."""
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print(f"{path}: not a valid draft 2020-12 schema: {e}")
        return None
    return jsonschema.Draft202012Validator(schema)


def format_error(err):
    where = "/".join(str(p) for p in err.absolute_path) or "(top level)"
    if err.validator == "pattern":  # the regular expressions are long: say what is expected
        expected = err.schema.get("description", "the documented form")
        return f"{where}: {err.instance!r} is not {expected[0].lower()}{expected[1:]}"
    return f"{where}: {err.message}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent),
                    help="repository root (default: the parent of scripts/)")
    ap.add_argument("--strict", action="store_true",
                    help="also fail when a schema key is not known to the loader")
    ap.add_argument("files", nargs="*", help="YAML files to check (default: corridors/ and examples/)")
    args = ap.parse_args()
    root = pathlib.Path(args.root)
    failures = 0

    corridor_path = root / "schemas" / "corridor.schema.json"
    scenario_path = root / "schemas" / "scenario.schema.json"
    corridor_validator = load_schema(corridor_path)
    scenario_validator = load_schema(scenario_path)
    if corridor_validator is None or scenario_validator is None:
        return 1

    # 2. Corridor and scenario files against their schemas.
    files = [pathlib.Path(f) for f in args.files]
    if not files:
        for d in ("corridors", "examples"):
            files += sorted((root / d).rglob("*.yaml")) + sorted((root / d).rglob("*.yml"))
    checked = {"corridor": 0, "scenario": 0}
    for f in files:
        try:
            data = yaml.load(f.read_text(encoding="utf-8"), Loader=Yaml12Loader)
        except (OSError, yaml.YAMLError) as e:
            print(f"{f}: cannot read: {e}")
            failures += 1
            continue
        if isinstance(data, dict) and "nodes" in data:
            kind, validator = "corridor", corridor_validator
        elif isinstance(data, dict) and ("base" in data or "extends" in data):
            kind, validator = "scenario", scenario_validator
        else:
            print(f"{f}: skipped (neither a corridor file, with a top-level 'nodes', nor a "
                  "scenario, with 'base' or 'extends')")
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        for e in errors:
            print(f"{f}: {format_error(e)}")
        failures += bool(errors)
        checked[kind] += 1
        if not errors:
            print(f"{f}: ok ({kind})")
    if checked["corridor"] == 0 and not args.files:
        print("no corridor files found under corridors/ or examples/")
        failures += 1

    # 3. Loader keys against schema keys: the scenario loader against the scenario schema, the
    # rest of the loader against the corridor schema.
    io_dir = root / "src" / "io"
    if not io_dir.is_dir():
        print(f"{io_dir}: not found")
        failures += 1
    else:
        failures += compare_keys(loader_keys(io_dir, scenario=False), corridor_validator.schema,
                                 corridor_path.name, f"{io_dir} (corridor loader)", args.strict)
        failures += compare_keys(loader_keys(io_dir, scenario=True), scenario_validator.schema,
                                 scenario_path.name, f"{io_dir}/scenario_* (scenario loader)",
                                 args.strict)

    print("check-schema: " + ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
