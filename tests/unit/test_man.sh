#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# libpigpioregs(3) against pigpioregs.h, the header it documents:
#   - its synopsis lists exactly the header's functions (declared and
#     static inline), and its other sections name each of them too;
#   - every pgr_ and PGR_ name it uses exists in the header's code;
#   - it names every value of the header's enums and every errno the
#     header's comments say a call returns;
#   - its title line carries the header's PGR_VERSION.
# (tests/install/run.sh checks the installed page's synopsis again.)
#
# usage: test_man.sh [MAN_PAGE [HEADER]]

set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
MAN=${1:-$TOP/user/man/libpigpioregs.3}
HEADER=${2:-$TOP/user/include/pigpioregs.h}

failures=0

pass() { echo "PASS man/$1"; }
fail() {
	echo "FAIL man/$1: $2"
	failures=$((failures + 1))
}

# check NAME MISSING: pass if MISSING (a list) is empty
check() {
	if [ -z "$2" ]; then
		pass "$1"
	else
		fail "$1" "$(echo "$2" | tr '\n' ' ')"
	fi
}

for f in "$MAN" "$HEADER" "$TOP/user/exports.awk"; do
	[ -r "$f" ] || { echo "FAIL man/inputs: cannot read $f"; exit 1; }
done

# The header without its comments (perl: comments may span lines).
code=$(perl -0777 -pe 's{/\*.*?\*/}{}gs; s{//[^\n]*}{}g' "$HEADER")
# The page's text without roff's escapes for minus and for fonts
# (\fBpgr_x\fP would hide pgr_x from a word match).
page=$(sed -e 's/\\-/-/g' -e 's/\\f[A-Z]//g' -e 's/\\f([A-Z][A-Z]//g' "$MAN")
synopsis=$(echo "$page" | sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p')
rest=$(echo "$page" | sed '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/d')

declared=$(awk -f "$TOP/user/exports.awk" "$HEADER" | sort -u)
inline=$(echo "$code" |
	sed -n 's/^static inline [a-z0-9_ ]*[ *]\(pgr_[a-z0-9_]*\)(.*/\1/p' | sort -u)
functions=$(printf '%s\n%s\n' "$declared" "$inline" | sort -u)

in_synopsis=$(echo "$synopsis" | grep -oE '\bpgr_[a-z0-9_]+\(' | tr -d '(' | sort -u)
check "synopsis-lists-the-header-functions" \
	"$(diff <(echo "$functions") <(echo "$in_synopsis") | grep '^[<>]')"

named=$(echo "$rest" | grep -oE '\bpgr_[a-z0-9_]+' | sort -u)
check "every-function-described" "$(comm -23 <(echo "$functions") <(echo "$named"))"

header_lower=$(echo "$code" | grep -oE '\bpgr_[a-z0-9_]+' | sort -u)
page_lower=$(echo "$page" | grep -oE '\bpgr_[a-z0-9_]+' | sort -u)
check "every-pgr-name-exists-in-header" \
	"$(comm -23 <(echo "$page_lower") <(echo "$header_lower"))"

header_upper=$(echo "$code" | grep -oE '\bPGR_[A-Z0-9_]+' | sort -u)
page_upper=$(echo "$page" | grep -oE '\bPGR_[A-Z0-9_]+' | sort -u)
check "every-PGR-name-exists-in-header" \
	"$(comm -23 <(echo "$page_upper") <(echo "$header_upper"))"

enumerators=$(echo "$code" |
	perl -0777 -ne 'while (/enum\s+pgr_\w+\s*\{(.*?)\}/gs) { print "$1\n" }' |
	grep -oE '\bPGR_[A-Z0-9_]+' | sort -u)
if [ -z "$enumerators" ]; then
	fail "every-enum-value-named" "no enum found in $HEADER"
else
	check "every-enum-value-named" "$(comm -23 <(echo "$enumerators") <(echo "$page_upper"))"
fi

# Errnos the header's comments give as return values: "-EINVAL", ...
header_errnos=$(grep -oE -- '-E[A-Z]+\b' "$HEADER" | sort -u)
page_errnos=$(echo "$page" | grep -oE -- '-E[A-Z]+\b' | sort -u)
check "every-errno-of-the-header-named" \
	"$(comm -23 <(echo "$header_errnos") <(echo "$page_errnos"))"

version=$(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$HEADER")
th=$(grep -m1 '^\.TH' "$MAN")
if [ -n "$version" ] && [[ $th == *"\"libpigpioregs $version\""* ]]; then
	pass "title-carries-PGR_VERSION"
else
	fail "title-carries-PGR_VERSION" "'$th' lacks \"libpigpioregs $version\""
fi

[ $failures -eq 0 ]
