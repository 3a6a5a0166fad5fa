#!/usr/bin/env python3
"""Checks that the README's console examples print what the README says they print.

Every ```console block is a sequence of `$ command` lines, each followed by its expected
output. Commands `build/release/corsim ...` run with the corsim binary given on the command
line; `echo $?` prints the previous command's exit code. A line `...` in the expected output
stands for any number of lines (an excerpt). Exit status 0 when every example matches.

Usage: scripts/check-readme.py CORSIM_BINARY [README.md]
"""

import re
import shlex
import subprocess
import sys


def blocks(text):
    return re.findall(r"```console\n(.*?)```", text, flags=re.S)


def commands(block):
    """Yields (command, expected output lines) pairs."""
    current, expected = None, []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            if current is not None:
                yield current, expected
            current, expected = line[2:], []
        else:
            expected.append(line)
    if current is not None:
        yield current, expected


def pattern(expected):
    parts = ["(?:.*\n)*?" if line == "..." else re.escape(line) + "\n" for line in expected]
    return re.compile("".join(parts) + r"\Z")


def main():
    corsim = sys.argv[1]
    readme = sys.argv[2] if len(sys.argv) > 2 else "README.md"
    failures, checked, last_code = 0, 0, 0
    for block in blocks(open(readme, encoding="utf-8").read()):
        for command, expected in commands(block):
            if command == "echo $?":
                output = f"{last_code}\n"
            else:
                args = shlex.split(command)
                if args[0] != "build/release/corsim":
                    continue
                run = subprocess.run([corsim] + args[1:], capture_output=True, text=True)
                last_code, output = run.returncode, run.stdout + run.stderr
            checked += 1
            if not pattern(expected).match(output):
                failures += 1
                print(f"check-readme: '{command}' printed:\n{output}", file=sys.stderr)
    print(f"check-readme: {checked} commands, {failures} differ")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
