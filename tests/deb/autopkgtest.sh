#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# tests/deb/autopkgtest.sh SRCDIR LOGDIR: run the autopkgtests (DEP-8) of
# the unpacked source package SRCDIR against the packages installed on this
# system, as autopkgtest's own runner does, and print one PASS/FAIL line
# per test (tests/deb/install-test.sh runs it in the throw-away install
# root, after installing the packages; docs/packaging.md says why not
# autopkgtest itself). Each test's stdout and stderr go to
# LOGDIR/NAME.stdout and LOGDIR/NAME.stderr.
#
# What it does of DEP-8 (doc/README.package-tests.rst of autopkgtest):
#  - reads debian/tests/control with dpkg's own parser (Dpkg::Control::Tests):
#    Tests (in Tests-Directory, default debian/tests) and Test-Command;
#  - Depends (default "@", every binary package of debian/control built
#    for this architecture) is parsed by Dpkg::Deps for this architecture
#    (qualifiers such as [amd64] are honoured) and must be satisfied by
#    what is installed: nothing is installed here, a test whose
#    dependencies are missing fails and says which (the install root must
#    have them: tests/deb/root.sh --install). "@builddeps@" and
#    "@recommends@" are refused, as is any restriction not listed below;
#  - each test runs with the source tree as its working directory, a clean
#    environment, AUTOPKGTEST_TMP (empty, its own), AUTOPKGTEST_ARTIFACTS
#    and HOME of its own, no standard input, and as user nobody unless it
#    has "needs-root";
#  - it passes if it exits 0 and writes nothing to stderr ("allow-stderr":
#    stderr allowed). Exit 77 with "skippable" is a skip, which autopkgtest
#    reports as SKIP; here, where every test has what it needs, a skip is
#    a FAIL line that says so. A test still running after 30 minutes
#    fails (a hang guard).
set -uo pipefail
srcdir=$(cd "${1:?usage: autopkgtest.sh SRCDIR LOGDIR}" && pwd)
logs=${2:?usage: autopkgtest.sh SRCDIR LOGDIR}
pass() { echo "PASS deb: autopkgtest $1"; }
fail() { echo "FAIL deb: autopkgtest $1: $2"; }
mkdir -p "$logs" && rm -f "$logs"/*.stdout "$logs"/*.stderr

# One line per test, its fields separated by US (0x1f; a tab, being white
# space to read, would merge empty fields): NAME, path|command, the file or
# the command, restrictions (comma-separated), the dependencies not
# satisfied here.
# shellcheck disable=SC2016 # perl's own variables
if ! tests=$(perl -e '
use strict;
use warnings;
use Dpkg::Arch qw(get_host_arch debarch_is);
use Dpkg::Control::Info;
use Dpkg::Control::Tests;
use Dpkg::Deps;

my $srcdir = shift;
my $arch = get_host_arch();
my $facts = Dpkg::Deps::KnownFacts->new();
open(my $q, "-|", "dpkg-query", "-W",
     "-f=\${db:Status-Abbrev}\t\${Package}\t\${Version}\t\${Architecture}\t\${Multi-Arch}\t\${Provides}\n")
    or die "dpkg-query: $!\n";
while (my $line = <$q>) {
    chomp $line;
    my ($status, $pkg, $ver, $parch, $ma, $provides) = split /\t/, $line, -1;
    next unless $status =~ /^ii/;
    $facts->add_installed_package($pkg, $ver, $parch, $ma || "no");
    next unless $provides;
    my $p = deps_parse($provides, virtual => 1, union => 1) or die "Provides of $pkg\n";
    $facts->add_provided_package($_->{package}, $_->{relation}, $_->{version}, $pkg)
        foreach $p->get_deps();
}
close($q) or die "dpkg-query failed\n";

my $info = Dpkg::Control::Info->new("$srcdir/debian/control");
my @binaries = map { $_->{Package} } grep {
    my $a = $_->{Architecture};
    $a eq "all" or grep { debarch_is($arch, $_) } split /\s+/, $a
} $info->get_packages();

my $tests = Dpkg::Control::Tests->new();
$tests->load("$srcdir/debian/tests/control");
my $n = 0;
foreach my $entry ($tests->get()) {
    my @parts = grep { length } map { s/^\s+|\s+$//gr } split /,/, $entry->{Depends} // "@";
    die "$_ is not supported by tests/deb/autopkgtest.sh\n"
        foreach grep { /^\@(builddeps|recommends)\@$/ } @parts;
    my $deps = join(", ", map { $_ eq "@" ? @binaries : $_ } @parts);
    my $d = deps_parse($deps, reduce_arch => 1, host_arch => $arch, tests_dep => 1,
                       reduce_profiles => 1) or die "cannot parse Depends: $deps\n";
    $d->simplify_deps($facts);
    my $missing = $d->output() // "";
    my $restrictions = join(",", grep { length } split /[\s,]+/, $entry->{Restrictions} // "");
    my $dir = $entry->{"Tests-Directory"} // "debian/tests";
    if (defined $entry->{Tests}) {
        print join("\x1f", $_, "path", "$dir/$_", $restrictions, $missing), "\n"
            foreach grep { length } split /[\s,]+/, $entry->{Tests};
    } else {
        $n++;
        my $name = ($entry->{Features} // "") =~ /\btest-name=([^\s,]+)/ ? $1 : "command$n";
        print join("\x1f", $name, "command", $entry->{"Test-Command"}, $restrictions, $missing), "\n";
    }
}
' "$srcdir" 2>&1); then
	fail "debian/tests/control" "$tests"
	exit 0
fi
if [ -z "$tests" ]; then
	fail "debian/tests/control" "no test"
	exit 0
fi

# run_test NAME KIND WHAT RESTRICTIONS MISSING: one test, one line
run_test() {
	local name=$1 kind=$2 what=$3 restrictions=$4 missing=$5 r root=0 allow_stderr=0
	local skippable=0 base rc start secs user=nobody as=() cmd=() out=$logs/$1.stdout err=$logs/$1.stderr
	for r in ${restrictions//,/ }; do
		case $r in
		needs-root) root=1 ;;
		allow-stderr) allow_stderr=1 ;;
		skippable) skippable=1 ;;
		*) fail "$name" "restriction $r is not supported by tests/deb/autopkgtest.sh"; return ;;
		esac
	done
	if [ -n "$missing" ]; then
		fail "$name" "test dependencies not installed: $missing (the install root must have them: tests/deb/root.sh --install)"
		return
	fi
	if [ "$kind" = path ]; then
		[ -f "$srcdir/$what" ] || { fail "$name" "no $what"; return; }
		[ -x "$srcdir/$what" ] || chmod a+x "$srcdir/$what" # as autopkgtest does
		cmd=("$srcdir/$what")
	else
		cmd=(sh -c "$what")
	fi
	base=$(mktemp -d /tmp/autopkgtest-run-XXXXXX)
	mkdir "$base/tmp" "$base/artifacts" "$base/home"
	if [ $root = 1 ]; then
		user=root
	else
		chown -R 65534:65534 "$base"
		as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
	start=$(date +%s)
	(cd "$srcdir" && timeout 1800 "${as[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		LC_ALL=C.UTF-8 HOME="$base/home" AUTOPKGTEST_TMP="$base/tmp" ADTTMP="$base/tmp" \
		AUTOPKGTEST_ARTIFACTS="$base/artifacts" ADT_ARTIFACTS="$base/artifacts" \
		DEBIAN_FRONTEND=noninteractive "${cmd[@]}") </dev/null >"$out" 2>"$err"
	rc=$?
	secs=$(($(date +%s) - start))
	rm -rf "$base"
	if [ $rc = 0 ] && { [ $allow_stderr = 1 ] || [ ! -s "$err" ]; }; then
		pass "$name (as $user, $secs s): exit 0$([ $allow_stderr = 1 ] || echo ', nothing on stderr'); $(grep -c '^PASS' "$out") PASS lines, $(grep -c '^SKIP' "$out") SKIP lines in its output (${logs#/mnt/work/}/$name.stdout)"
	elif [ $rc = 77 ] && [ $skippable = 1 ]; then
		fail "$name" "skipped (exit 77), but this root has every test dependency: $(tail -q -n 2 "$out" "$err" | tr '\n' ' ' | cut -c 1-300)"
	elif [ $rc = 124 ]; then
		fail "$name" "still running after 1800 s, stopped"
	elif [ $rc = 0 ]; then
		fail "$name" "exit 0 but stderr (without allow-stderr): $(head -n 3 "$err" | tr '\n' ' ' | cut -c 1-300)"
	else
		fail "$name" "exit $rc: $(grep -h '^FAIL' "$out" | head -n 3 | tr '\n' ' ' | cut -c 1-400) $(tail -n 3 "$err" | tr '\n' ' ' | cut -c 1-300) (${logs#/mnt/work/}/$name.*)"
	fi
}

while IFS=$'\x1f' read -r name kind what restrictions missing; do
	run_test "$name" "$kind" "$what" "$restrictions" "$missing"
done <<<"$tests"
