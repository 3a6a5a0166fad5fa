#!/usr/bin/env python3
"""Keeps the corridor JSON Schema, the corridor files and the C++ loader in step.

1. The schema (schemas/corridor.schema.json) is a valid JSON Schema, draft 2020-12.
2. Every corridor file in corridors/ and examples/ (YAML with a top-level `nodes` list) validates
   against it. Other YAML files there (scenarios, bookings...) are skipped and listed.
3. Every key name the loader knows appears in the schema. The loader (src/io/*.cpp, *.hpp) lists
   its known keys as string literals passed to a MapReader or to a function or array whose name
   ends in `keys` (`MapReader m(diag, y, "a node", {"id", "name"})`, `keys(node, {"id"})`,
   `known_keys[] = {...}`); literals that are not key-like names (messages) are ignored.
   With --strict, also every key of the schema must appear in the loader.

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


def loader_keys(io_dir):
    """{key: [file:line, ...]} for every key literal in a *keys(...)/*keys{...} list."""
    found = {}
    for path in sorted(list(io_dir.rglob("*.cpp")) + list(io_dir.rglob("*.hpp"))):
        text = strip_comments(path.read_text(encoding="utf-8"))
        for m in KEY_CALL.finditer(text):
            group = balanced(text, m.start(1))
            for s in STRING.finditer(group):
                if KEY_NAME.match(s.group(1)):
                    line = text.count("\n", 0, m.start(1) + s.start()) + 1
                    found.setdefault(s.group(1), []).append(f"{path}:{line}")
    return found


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

    schema_path = root / "schemas" / "corridor.schema.json"
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print(f"{schema_path}: not a valid draft 2020-12 schema: {e}")
        return 1
    validator = jsonschema.Draft202012Validator(schema)

    # 2. Corridor files against the schema.
    files = [pathlib.Path(f) for f in args.files]
    if not files:
        for d in ("corridors", "examples"):
            files += sorted((root / d).rglob("*.yaml")) + sorted((root / d).rglob("*.yml"))
    checked = 0
    for f in files:
        try:
            data = yaml.load(f.read_text(encoding="utf-8"), Loader=Yaml12Loader)
        except (OSError, yaml.YAMLError) as e:
            print(f"{f}: cannot read: {e}")
            failures += 1
            continue
        if not (isinstance(data, dict) and "nodes" in data):
            print(f"{f}: skipped (not a corridor file: no top-level 'nodes')")
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        for e in errors:
            print(f"{f}: {format_error(e)}")
        failures += bool(errors)
        checked += 1
        if not errors:
            print(f"{f}: ok")
    if checked == 0 and not args.files:
        print("no corridor files found under corridors/ or examples/")
        failures += 1

    # 3. Loader keys against schema keys.
    io_dir = root / "src" / "io"
    known = loader_keys(io_dir) if io_dir.is_dir() else {}
    in_schema = schema_keys(schema, set())
    if not known:
        print(f"{io_dir}: no key lists found (expected string literals in *keys(...) calls); "
              "update scripts/check-schema.py if the loader lists its keys differently")
        failures += 1
    else:
        missing = sorted(set(known) - in_schema)
        for k in missing:
            print(f"loader key '{k}' ({', '.join(known[k][:3])}) is not in {schema_path.name}")
        failures += bool(missing)
        unknown_to_loader = sorted(in_schema - set(known))
        if unknown_to_loader:
            print(f"{'error' if args.strict else 'note'}: schema keys not found in the loader's "
                  f"key lists: {', '.join(unknown_to_loader)}")
        if args.strict:
            failures += bool(unknown_to_loader)
        print(f"{len(known)} loader keys, {len(in_schema)} schema keys")

    print("check-schema: " + ("FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
