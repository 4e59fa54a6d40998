#!/usr/bin/env python3
# Prints "N passed, N failed[, N skipped]" from meson's testlog.json and
# exits 1 when anything failed. A TAP test counts each of its test cases.
import json
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
        result = test.get("result")
        cases = None
        if test.get("protocol") == "tap" or "ok " in test.get("stdout", ""):
            cases = [l for l in test.get("stdout", "").splitlines()
                     if l.startswith("ok ") or l.startswith("not ok ")]
        if cases:
            for case in cases:
                if case.startswith("not ok "):
                    failed += 1
                elif "# SKIP" in case:
                    skipped += 1
                else:
                    passed += 1
            # A crash after the last case, or a timeout, is a failure too.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not any(
                    c.startswith("not ok ") for c in cases):
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
