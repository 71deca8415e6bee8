# SPDX-License-Identifier: LGPL-2.1-or-later
"""The build and the staged tree: what `make stage` installs, one version,
one exported symbol, the library linked in, and the same extension built
by setuptools (setup.py) offline."""

import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import pigpio_regs

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.path.dirname(HERE)
TOP = os.path.dirname(PYTHON)
STAGE = os.path.dirname(os.path.dirname(os.path.abspath(pigpio_regs.__file__)))
PKG = os.path.join(STAGE, "pigpio_regs")


def header_version():
    with open(os.path.join(TOP, "user", "include", "pigpioregs.h")) as f:
        return re.search(r'^#define PGR_VERSION "([^"]+)"', f.read(),
                         re.M).group(1)


def extension_path():
    return pigpio_regs._pigpio_regs.__file__


class TestStaged(unittest.TestCase):
    def test_layout(self):
        for name in ("__init__.py", "__init__.pyi", "_pigpio_regs.pyi",
                     "py.typed", "gpiozero_factory.py", "_chardev.py",
                     "_pigpio_regs.abi3.so"):
            self.assertTrue(os.path.isfile(os.path.join(PKG, name)), name)
        self.assertEqual(os.path.dirname(extension_path()), PKG)
        self.assertTrue(extension_path().endswith(".abi3.so"))

    def test_dist_info(self):
        info = os.path.join(STAGE,
                            "pigpio_regs-%s.dist-info" % header_version())
        with open(os.path.join(info, "METADATA")) as f:
            meta = f.read()
        self.assertIn("\nVersion: %s\n" % header_version(), meta)
        self.assertTrue(meta.startswith("Metadata-Version: "), meta[:40])
        ep = configparser.ConfigParser(delimiters=("=",))
        ep.read(os.path.join(info, "entry_points.txt"))
        self.assertEqual(ep["gpiozero_pin_factories"]["pigpio_regs"],
                         "pigpio_regs.gpiozero_factory:PigpioRegsFactory")

    def test_one_exported_symbol(self):
        if not shutil.which("nm"):
            self.skipTest("no nm")
        out = subprocess.run(["nm", "-D", "--defined-only", extension_path()],
                             check=True, capture_output=True,
                             text=True).stdout
        names = [line.split()[-1] for line in out.splitlines()]
        self.assertEqual(names, ["PyInit__pigpio_regs"])

    def test_library_linked_in(self):
        if not shutil.which("readelf"):
            self.skipTest("no readelf")
        out = subprocess.run(["readelf", "-d", extension_path()], check=True,
                             capture_output=True, text=True).stdout
        self.assertNotIn("libpigpioregs", out)
        self.assertNotIn("libpython", out)

    def test_stable_abi_only(self):
        # Every interpreter symbol the module uses is in the stable ABI.
        # Misc/stable_abi.toml is not installed by Debian: the _Py names
        # below are the ABI-only entries of that list (what the limited
        # API's macros expand to), anything else private is a leak of the
        # full API, as are these common non-limited functions.
        if not shutil.which("nm"):
            self.skipTest("no nm")
        out = subprocess.run(["nm", "-D", "--undefined-only",
                              extension_path()], check=True,
                             capture_output=True, text=True).stdout
        names = [line.split()[-1] for line in out.splitlines()]
        py = [n for n in names if n.startswith(("Py", "_Py"))]
        self.assertTrue(py)
        private = [n for n in py if n.startswith("_Py") and n not in (
            "_Py_Dealloc", "_Py_NoneStruct", "_Py_TrueStruct",
            "_Py_FalseStruct", "_Py_DecRef", "_Py_IncRef",
            "_PyArg_ParseTupleAndKeywords_SizeT", "_PyArg_ParseTuple_SizeT",
            "_PyObject_CallFunction_SizeT", "_PyObject_New")]
        self.assertEqual(private, [])
        not_limited = {"PyUnicode_AsUTF8", "PyTuple_GET_ITEM",
                       "PyType_Ready", "PyErr_SetFromErrnoWithFilename"}
        self.assertEqual(sorted(set(py) & not_limited), [])


class TestOtherInterpreters(unittest.TestCase):
    """The one abi3 binary in the other CPythons named in
    PGR_EXTRA_PYTHONS (run-tests.sh fills it with any python3.12+ it
    finds): the module's own tests run there as they do here. Where there
    is none, a SKIP line says so (and run-tests.sh counts it)."""

    def test_abi3_elsewhere(self):
        pythons = os.environ.get("PGR_EXTRA_PYTHONS", "").split()
        if not pythons:
            self.skipTest("no other CPython >= 3.11 (PGR_EXTRA_PYTHONS is "
                          "empty): the abi3 module was loaded in %s %s only"
                          % (sys.executable, sys.version.split()[0]))
        env = dict(os.environ, PYTHONPATH=STAGE + os.pathsep + HERE)
        for python in pythons:
            r = subprocess.run(
                [python, os.path.join(HERE, "runner.py"), "test_chip",
                 "test_chardev"], env=env, cwd=HERE, capture_output=True,
                text=True, timeout=300)
            self.assertEqual(r.returncode, 0, "%s:\n%s%s" %
                             (python, r.stdout, r.stderr))
            self.assertIn("PASS test_chip.TestLine.test_line_calls",
                          r.stdout)


class TestSetuptools(unittest.TestCase):
    def test_setup_py_build(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run(
                [sys.executable, "setup.py", "-q", "build", "--build-base",
                 tmp, "egg_info", "--egg-base", tmp],
                cwd=PYTHON, capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            found = [os.path.join(d, f) for d, _, fs in os.walk(tmp)
                     for f in fs]
            sos = [f for f in found if f.endswith("_pigpio_regs.abi3.so")]
            self.assertEqual(len(sos), 1, found)
            self.assertTrue(any(f.endswith("pigpio_regs/py.typed")
                                for f in found))
            eps = [f for f in found if f.endswith("entry_points.txt")]
            self.assertEqual(len(eps), 1, found)
            with open(eps[0]) as f:
                self.assertIn("pigpio_regs = pigpio_regs.gpiozero_factory:"
                              "PigpioRegsFactory", f.read())
            pkg = [f for f in found if f.endswith("PKG-INFO")]
            with open(pkg[0]) as f:
                self.assertIn("Version: %s\n" % header_version(), f.read())
            # the setuptools module works like make's
            code = ("import sys; sys.path.insert(0, %r)\n"
                    "import pigpio_regs._pigpio_regs as m\n"
                    "print(m.__file__, m.library_version())\n" %
                    os.path.dirname(os.path.dirname(sos[0])))
            r = subprocess.run([sys.executable, "-c", code], cwd=tmp,
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout.split(), [sos[0], header_version()])
        self.assertFalse(os.path.exists(os.path.join(PYTHON, "build")))


if __name__ == "__main__":
    unittest.main()
