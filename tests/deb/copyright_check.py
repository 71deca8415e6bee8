#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Every tracked file's SPDX line against debian/copyright.

    copyright_check.py TOP

For each file of `git ls-files` that carries an SPDX-License-Identifier
line (LICENSES/, the license texts themselves, aside), the stanza of
debian/copyright that covers it (machine-readable format 1.0: the last
stanza whose Files patterns match, `*` matching `/` too) must name the
same license. Prints one line per mismatch and a summary; exits 1 on any.
"""

import fnmatch
import os
import re
import subprocess
import sys

# debian/copyright's short names -> the SPDX expressions they stand for.
SPDX_OF = {
    "GPL-2": {"GPL-2.0-only", "GPL-2.0"},
    "LGPL-2.1+": {"LGPL-2.1-or-later", "LGPL-2.1+"},
    "GPL-2 with Linux-syscall-note exception":
        {"GPL-2.0-only WITH Linux-syscall-note"},
    "BSD-3-clause": {"BSD-3-Clause"},
}


def stanzas(text):
    """(patterns, license) of each Files stanza, in order."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        fields = {}
        key = None
        for line in para.splitlines():
            if line.startswith((" ", "\t")) and key:
                fields[key] += "\n" + line.strip()
            elif ":" in line:
                key, value = line.split(":", 1)
                fields[key] = value.strip()
        if "Files" in fields:
            out.append((fields["Files"].split(),
                        fields.get("License", "").split("\n")[0].strip()))
    return out


def spdx_of(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f):
                if i > 10:
                    return None
                m = re.search(r"SPDX-License-Identifier:\s*(.*)", line)
                if m:
                    expr = re.split(r"\s*(\*/|-->|\(|$)", m.group(1))[0]
                    return expr.strip()
    except OSError:
        return None
    return None


def main(top):
    with open(top + "/debian/copyright") as f:
        table = stanzas(f.read())
    files = subprocess.run(["git", "-C", top, "ls-files"], check=True,
                           capture_output=True, text=True).stdout.split()
    checked = bad = 0
    for path in files:
        # A symbolic link is not a file of its own: its target is checked
        # (lintian, too, matches no copyright pattern against one).
        if path.startswith("LICENSES/") or os.path.islink(top + "/" + path):
            continue
        expr = spdx_of(top + "/" + path)
        if not expr:
            continue
        license_ = None
        for patterns, lic in table:
            if any(fnmatch.fnmatchcase(path, p) for p in patterns):
                license_ = lic
        checked += 1
        if license_ is None or expr not in SPDX_OF.get(license_, set()):
            bad += 1
            print("%s: SPDX '%s', debian/copyright says '%s'" %
                  (path, expr, license_))
    print("%d files with an SPDX line checked, %d disagree" % (checked, bad))
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
