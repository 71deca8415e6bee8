# SPDX-License-Identifier: LGPL-2.1-or-later
"""The extension for setuptools (pyproject.toml names this backend).

Builds pigpio_regs._pigpio_regs from ext/_pigpio_regs.c and the library's
own sources (../user/lib/*.c), so the module carries libpigpioregs inside
and needs no installed library; tagged abi3 (limited API 3.11, defined in
the C file itself). With PGR_LIBDIR set to a directory holding
libpigpioregs.so (the Debian package's build: debian/rules), the extension
links that shared library (libpigpioregs.so.1) instead of carrying a copy.
-Werror is the project's own checks' (PGR_WERROR=0 drops it, as
distribution builds with a newer compiler do). The version is PGR_VERSION of the library's header
and the entry point comes from entry_points.txt, each kept in one place.
Plain make (python/Makefile) builds the same module without setuptools.
"""

import configparser
import glob
import os
import re

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def rel(path):
    return os.path.relpath(path, HERE)


def version():
    with open(os.path.join(TOP, "user", "include", "pigpioregs.h")) as f:
        return re.search(r'^#define PGR_VERSION "([^"]+)"', f.read(),
                         re.M).group(1)


def entry_points():
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str
    parser.read(os.path.join(HERE, "entry_points.txt"))
    return {group: ["%s = %s" % item for item in parser.items(group)]
            for group in parser.sections()}


LIBDIR = os.environ.get("PGR_LIBDIR")
if LIBDIR:
    LIB_SOURCES = []
    LINK = {"libraries": ["pigpioregs"], "library_dirs": [LIBDIR]}
else:
    LIB_SOURCES = sorted(glob.glob(os.path.join(TOP, "user", "lib", "*.c")))
    LINK = {}
WERROR = [] if os.environ.get("PGR_WERROR") == "0" else ["-Werror"]

setup(
    version=version(),
    entry_points=entry_points(),
    packages=["pigpio_regs"],
    package_data={"pigpio_regs": ["py.typed", "*.pyi"]},
    ext_modules=[
        Extension(
            "pigpio_regs._pigpio_regs",
            sources=[rel(os.path.join(HERE, "ext", "_pigpio_regs.c"))] +
            [rel(p) for p in LIB_SOURCES],
            include_dirs=[rel(os.path.join(TOP, "user", "include")),
                          rel(os.path.join(TOP, "include", "uapi"))],
            extra_compile_args=["-std=c11", "-Wall", "-Wextra"] + WERROR,
            extra_link_args=["-Wl,--version-script=" +
                             rel(os.path.join(HERE, "ext", "exports.map"))],
            py_limited_api=True,
            **LINK,
        ),
    ],
    options={"bdist_wheel": {"py_limited_api": "cp311"}},
)
