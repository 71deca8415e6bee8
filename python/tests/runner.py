# SPDX-License-Identifier: LGPL-2.1-or-later
"""Run unittest modules and print one line per test case, the house style
of tests/unit: "PASS name", "FAIL name: why" (the traceback indented
after it), "SKIP name: why". Exit status 1 if any failed.

    python3 runner.py test_chip test_factory ...

PGR_TEST_PREFIX is put before every name (a second run of a suite, e.g.
with another gpiozero, then has names of its own).
"""

import os
import sys
import unittest


class LineResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.passed = 0
        self.failed = 0

    @staticmethod
    def _name(test):
        return os.environ.get("PGR_TEST_PREFIX", "") + test.id()

    def addSuccess(self, test):
        self.passed += 1
        print("PASS %s" % self._name(test), flush=True)

    def _fail(self, test, err):
        self.failed += 1
        exc = err[1]
        print("FAIL %s: %s: %s" % (self._name(test), type(exc).__name__,
                                   str(exc).splitlines()[0] if str(exc) else ""))
        for line in self._exc_info_to_string(err, test).rstrip().splitlines():
            print("    " + line)
        sys.stdout.flush()

    def addFailure(self, test, err):
        self._fail(test, err)

    def addError(self, test, err):
        if test.__class__.__name__ == "_ErrorHolder":
            # setUpClass / module import failed: a failure of its own
            self.failed += 1
            print("FAIL %s: %s" % (test.description, err[1]), flush=True)
            return
        self._fail(test, err)

    def addSkip(self, test, reason):
        print("SKIP %s: %s" % (self._name(test), reason), flush=True)

    def addExpectedFailure(self, test, err):
        self.addSuccess(test)

    def addUnexpectedSuccess(self, test):
        self._fail(test, (AssertionError, AssertionError("unexpected success"), None))


def main(names):
    loader = unittest.TestLoader()
    result = LineResult()
    for name in names:
        try:
            suite = loader.loadTestsFromName(name)
        except Exception as e:     # an import error is a failure
            result.failed += 1
            print("FAIL %s: cannot load: %s: %s" % (name, type(e).__name__, e))
            continue
        suite.run(result)
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
