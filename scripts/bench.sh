#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# bench.sh [--log CONSOLE_LOG] [BOARD]: the full benchmark on one emulated board (default
# raspi3b-6.1), in one boot: `pigpio-regs-bench` as root and as alice
# (tests/guest/bench-full.sh, run as the guest job "bench-full"). Then, on
# the host:
#   build/bench/bench-{root,alice}.{csv,txt}  the tables, with QEMU's version
#   docs/performance.svg                       the chart (gnuplot)
#   docs/performance.md                        its measured part, between the
#                                              "bench:begin/end" markers
# --log redoes the host part from the console log of an earlier run
# (build/BOARD/console-bench-full.log) without booting.
# --check boots nothing and writes nothing: one PASS/FAIL line saying
# whether the measured part of docs/performance.md has every row the
# benchmark prints now (as root and as alice), with the paired rows'
# spread; the test command runs it with its docs check (scripts/check.sh).
# Emulated figures say nothing about a real Pi's speed: see the doc.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=scripts/guest/lib.sh
. "$here/guest/lib.sh"
log=
if [ "${1:-}" = --check ]; then
	doc=$PGR_TOP/docs/performance.md
	bench=$PGR_BUILD/host/user/pigpio-regs-bench
	name="docs/performance.md has every row of pigpio-regs-bench, paired spreads included"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	# The rows, from the benchmark itself on a simulated BCM2837 block.
	make -s -C "$PGR_TOP/user" BUILD="$PGR_BUILD/host/user" bench >"$tmp/make.log" 2>&1 ||
		{ echo "FAIL $name: make bench: $(tail -n 3 "$tmp/make.log")"; exit 1; }
	head -c 4096 /dev/zero >"$tmp/dev"
	mkdir "$tmp/sys"
	printf '%s\n' bcm2837 >"$tmp/sys/soc"
	printf '%s\n' 54 >"$tmp/sys/ngpio"
	printf '%s\n' 180 >"$tmp/sys/block_size"
	printf '%s\n' 4096 >"$tmp/sys/window_size"
	printf '%s\n' 0x3f200000 >"$tmp/sys/phys_base"
	printf '%s\n' 0x7e200000 >"$tmp/sys/bus_base"
	printf '%s\n' devicetree >"$tmp/sys/source"
	"$bench" --device "$tmp/dev" --sysfs "$tmp/sys" --quick --reps 1 \
		--csv "$tmp/rows.csv" >"$tmp/out" 2>&1 ||
		{ echo "FAIL $name: the benchmark: $(tail -n 3 "$tmp/out")"; exit 1; }
	ids=$(awk -F, '!/^#/ && !/^id,/ { print $1 }' "$tmp/rows.csv")
	paired=$(sed -n 's/^# paired: \([^,]*\),.*/\1/p' "$tmp/rows.csv")
	section=$(sed -n '/^<!-- bench:begin/,/^<!-- bench:end/p' "$doc")
	missing=
	for id in $ids; do
		# Once in the root table and once in alice's.
		[ "$(grep -c "^| $id | " <<<"$section")" -ge 2 ] || missing+=" $id"
	done
	for id in $paired; do
		# A paired row has its IQR and rounds: "| 0.97-1.01 (15) |".
		[ "$(grep -cE "^\| $id \| .*\| [0-9.]+-[0-9.]+ \([0-9]+\)" <<<"$section")" -ge 2 ] ||
			missing+=" $id(paired)"
	done
	if [ -z "$missing" ]; then
		echo "PASS $name ($(wc -w <<<"$ids") rows, paired: $(tr '\n' ' ' <<<"$paired"))"
		exit 0
	fi
	echo "FAIL $name: missing or without spread:$missing; regenerate it: make bench-report"
	exit 1
fi
if [ "${1:-}" = --log ]; then
	log=${2:?usage: bench.sh [--log CONSOLE_LOG] [BOARD]}
	shift 2
fi
board=${1:-raspi3b-6.1}
pgr_board "$board"
out=$PGR_BUILD/bench
doc=$PGR_TOP/docs/performance.md
svg=$PGR_TOP/docs/performance.svg

case $B_ARCH in
arm64) qemu="qemu-system-aarch64" ;;
*) qemu="qemu-system-arm" ;;
esac
qemu_version=$("$qemu" --version | head -n 1)

if ! command -v gnuplot >/dev/null; then
	pgr_log "installing gnuplot-nox for the chart"
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y -q gnuplot-nox >/dev/null ||
			{ apt-get update -q >/dev/null && apt-get install -y -q gnuplot-nox >/dev/null; } ||
			pgr_log "could not install gnuplot-nox: no chart"
	else
		sudo apt-get install -y -q gnuplot-nox >/dev/null ||
			pgr_log "could not install gnuplot-nox: no chart"
	fi
fi

if [ -z "$log" ]; then
	"$here/guest/run.sh" "$board" bench-full
	log=$(pgr_board_build)/console-bench-full.log
fi
[ -f "$log" ] || pgr_die "no console log $log"
mkdir -p "$out"
for who in root alice; do
	sed -n "s/^PGR-CAP bench-$who-csv|//p" "$log" |
		sed "s/^# qemu: see host\$/# qemu: $qemu_version/" >"$out/bench-$who.csv"
	sed -n "s/^PGR-CAP bench-$who-table|//p" "$log" |
		sed "s/QEMU: see host/QEMU: $qemu_version/" >"$out/bench-$who.txt"
	rows=$(grep -cE '^(1|2|2h|3|3h|4|5|6|7a|7b|7c|8a|8b),' "$out/bench-$who.csv" || true)
	[ "$rows" = 13 ] || pgr_die "the $who run printed $rows of the 13 rows (see $log)"
done
cat "$out/bench-root.txt"

# meta CSV KEY: the value of a "# key: value" line.
meta() { sed -n "s/^# $2: //p" "$1"; }

# The chart: toggles per second of every measured rate row, log scale.
awk -F, 'BEGIN {
		n["1"] = "raw stores"; n["2"] = "pgr_pin_write"; n["2h"] = "pin handle"
		n["3"] = "bank (8 pins)"; n["3h"] = "bank handle"; n["4"] = "pwrite"
		n["5"] = "libgpiod"; n["6"] = "sysfs"
	}
	!/^#/ && ($1 in n) && $7 == "ok" { printf "\"%s %s\" %s\n", $1, n[$1], $4 }' \
	"$out/bench-root.csv" >"$out/chart.dat"
if command -v gnuplot >/dev/null; then
	# From inside $out: the SVG names the data file, not this host's paths.
	(cd "$out" && gnuplot) <<EOT
set terminal svg size 900,420 dynamic font "sans,12"
set output "$svg"
set title "Toggles per second on GPIO17, emulated $(meta "$out/bench-root.csv" board) ($(meta "$out/bench-root.csv" kernel)), higher is better"
set logscale y
set format y "10^{%T}"
set ylabel "toggles/s (log scale)"
set style fill solid 0.8 border -1
set boxwidth 0.6
set yrange [*:*]
set grid ytics
set xtics noenhanced
unset key
plot "chart.dat" using 0:2:xtic(1) with boxes lc rgb "#3a6ea5", \
     "" using 0:2:(sprintf("%.3g", \$2)) with labels offset 0,0.8
EOT
	pgr_log "chart: ${svg#"$PGR_TOP"/}"
fi

# The measured part of the doc, between its markers.
section=$out/section.md
{
	echo "Measured $(date -u +%Y-%m-%d) by \`make bench-report\` ($board): $(meta "$out/bench-root.csv" board),"
	echo "kernel $(meta "$out/bench-root.csv" kernel), $qemu_version."
	echo "$(sed -n 's/^# pigpio-regs bench: //p' "$out/bench-root.csv"), one boot."
	echo "Rows 2, 2h, 3 and 3h: $(sed -n 's/^# paired rounds: \([0-9]*\).*/\1/p' "$out/bench-root.csv") paired rounds each against row 1 (raw and"
	echo "the row back to back, in alternating order); × row 1 is the median of the rounds'"
	echo "ratios, IQR their interquartile range and (rounds); \"too wide\" when the IQR is"
	echo "over 10 % of the median: such a ratio means nothing (see \`tools/bench/paired.h\`)."
	for who in root alice; do
		echo
		if [ "$who" = root ]; then
			echo "As root:"
		else
			echo "As alice (group \`gpio\`, no other privilege):"
		fi
		echo
		echo "| row | method | toggles/s | pins/s | × row 1 | paired: IQR (rounds) |"
		echo "| --- | --- | ---: | ---: | ---: | --- |"
		awk -F, '/^# paired: / { sub(/^# paired: /, ""); p[$1] = sprintf("%.2f-%.2f (%s)%s", $3, $4, $5, $6 == "ok" ? "" : ", too wide"); next }
			$3 == "toggles/s" {
			if ($7 == "ok") printf "| %s | %s | %.0f | %.0f | %s | %s |\n", $1, $2, $4, $5, $6, p[$1]
			else { sub(/^not available: /, "", $7); printf "| %s | %s | not available: %s | | | |\n", $1, $2, $7 }
		}' "$out/bench-$who.csv"
		echo
		echo "| row | setup | µs | × row 7b |"
		echo "| --- | --- | ---: | ---: |"
		awk -F, '$3 == "us" {
			if ($7 == "ok") printf "| %s | %s | %.1f | %s |\n", $1, $2, $4, $6
			else { sub(/^not available: /, "", $7); printf "| %s | %s | not available: %s | |\n", $1, $2, $7 }
		}' "$out/bench-$who.csv"
		echo
		echo "| row | time source | reads/s | × row 8b |"
		echo "| --- | --- | ---: | ---: |"
		awk -F, '$3 == "reads/s" {
			if ($7 == "ok") printf "| %s | %s | %.0f | %s |\n", $1, $2, $4, $6
			else { sub(/^not available: /, "", $7); printf "| %s | %s | not available: %s | |\n", $1, $2, $7 }
		}' "$out/bench-$who.csv"
	done
	echo
	echo "The tool's own verdicts (root run):"
	echo
	sed -n 's/^goal: *\(.*\)$/- \1/p' "$out/bench-root.txt" | sed 's/  */ /g'
	echo
	echo "![toggles per second, log scale](performance.svg)"
} >"$section"
if [ -f "$doc" ] && grep -q '^<!-- bench:begin' "$doc"; then
	awk -v file="$section" '
		/^<!-- bench:begin/ { print; while ((getline l < file) > 0) print l; skip = 1; next }
		/^<!-- bench:end/ { skip = 0 }
		!skip { print }' "$doc" >"$doc.tmp"
	mv "$doc.tmp" "$doc"
	pgr_log "updated the measured part of ${doc#"$PGR_TOP"/}"
else
	pgr_log "no bench:begin marker in ${doc#"$PGR_TOP"/}; the section is in $section"
fi
