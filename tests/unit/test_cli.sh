#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# pigpio-regs end to end against a simulated device: a 4096-byte file as
# the register window and a directory of attribute files as sysfs.
# Effects are read back from the file's bytes with od; every rejected
# command must leave the file byte-identical.
#
# usage: test_cli.sh PATH/TO/pigpio-regs
# PGR_BENCH: the benchmark to test with it (default: pigpio-regs-bench
# beside the CLI; empty: none, as for an installed CLI: debian/tests/cli);
# PGR_COMPLETION: the bash completion script (default: the tree's).
# Prints "PASS name" / "FAIL name: why" / "SKIP name: why" lines; exits 1
# if any test failed. Assumes a little-endian host (as every Pi is).

set -u

CLI=$(realpath "${1:?usage: $0 PATH/TO/pigpio-regs}")
BENCH=${PGR_BENCH-$(dirname "$CLI")/pigpio-regs-bench}	# built beside it (make bench)
COMPLETION=${PGR_COMPLETION:-$(dirname "$0")/../../user/completion/pigpio-regs}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pgr-cli-XXXXXX")
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
chmod 755 "$WORK"	# the EACCES case runs as nobody

DEV=$WORK/dev
SYS=$WORK/sys
OUT=$WORK/out
ERR=$WORK/err
passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# fixture SOC NGPIO BLOCK_SIZE PHYS: a zeroed window and its attributes
fixture() {
	rm -rf "$DEV" "$SYS"
	head -c 4096 /dev/zero > "$DEV"
	mkdir -p "$SYS"
	echo "$1" > "$SYS/soc"
	echo "$4" > "$SYS/phys_base"
	echo 0x7e200000 > "$SYS/bus_base"
	echo "$3" > "$SYS/block_size"
	echo 4096 > "$SYS/window_size"
	echo "$2" > "$SYS/ngpio"
	echo devicetree > "$SYS/source"
	chmod -R a+rX "$SYS"
}

bcm2837() { fixture bcm2837 54 180 0x3f200000; }
bcm2711() { fixture bcm2711 58 244 0xfe200000; }
bcm2835() { fixture bcm2835 54 180 0x20200000; }

# poke FILE OFFSET VALUE: store a 32-bit little-endian word
poke() {
	local v=$(($3))
	printf '%b' "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) \
		$((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)))" |
		dd of="$1" bs=1 seek=$(($2)) conv=notrunc status=none
}

# word FILE OFFSET: the 32-bit word as 8 hex digits
word() {
	od -A n -t x4 -j $(($2)) -N 4 "$1" | tr -d ' \n'
}

# A regression that accepts e.g. "blink 17 1000001" must not hang the run.
if command -v timeout > /dev/null; then
	LIMIT=(timeout 20)
else
	LIMIT=()
fi

# pgr ARGS...: run the CLI on the fixture; status in $rc (124: timed out)
pgr() {
	"${LIMIT[@]}" "$CLI" --device "$DEV" --sysfs "$SYS" "$@" > "$OUT" 2> "$ERR"
	rc=$?
}

# expect_effect NAME "OFFSET=VALUE ..." ARGS...: exit 0 and the file is
# the starting file with exactly these words changed.
expect_effect() {
	local name=$1 words=$2 w
	shift 2
	cp "$DEV" "$WORK/expected"
	for w in $words; do
		poke "$WORK/expected" "${w%%=*}" "${w#*=}"
	done
	pgr "$@"
	if [ $rc -ne 0 ]; then
		fail "$name" "exit $rc: $(head -c 300 "$ERR")"
	elif ! cmp -s "$DEV" "$WORK/expected"; then
		fail "$name" "file differs: $(cmp -l "$DEV" "$WORK/expected" | head -4 | tr '\n' ';')"
	else
		pass "$name"
	fi
}

# usage_of RUN PROG NAME "MESSAGE" ARGS...: RUN ARGS exits 2 with
# "PROG: MESSAGE" on stderr, file untouched
usage_of() {
	local run=$1 prog=$2 name=$3 msg=$4
	shift 4
	cp "$DEV" "$WORK/before"
	"$run" "$@"
	if [ $rc -ne 2 ]; then
		fail "$name" "exit $rc, expected 2"
	elif ! grep -qF -- "$prog: $msg" "$ERR"; then
		fail "$name" "stderr lacks '$prog: $msg': $(head -c 300 "$ERR")"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name" "the file changed"
	else
		pass "$name"
	fi
}

# expect_usage NAME "MESSAGE" ARGS...: the CLI refuses ARGS as a usage error
expect_usage() { usage_of pgr pigpio-regs "$@"; }

# expect_output NAME "EXACT STDOUT" ARGS...
expect_output() {
	local name=$1 want=$2
	shift 2
	cp "$DEV" "$WORK/before"
	pgr "$@"
	if [ $rc -ne 0 ]; then
		fail "$name" "exit $rc: $(head -c 300 "$ERR")"
	elif [ "$(cat "$OUT")" != "$want" ]; then
		fail "$name" "stdout '$(cat "$OUT")', expected '$want'"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name" "the file changed"
	else
		pass "$name"
	fi
}

# --- help, version, usage ---------------------------------------------

"$CLI" --help > "$OUT" 2> "$ERR"; rc=$?
if [ $rc -eq 0 ] && grep -q '^usage: pigpio-regs' "$OUT" && [ ! -s "$ERR" ]; then
	pass cli/help
else
	fail cli/help "exit $rc, stdout '$(head -c 100 "$OUT")'"
fi

"$CLI" -V > "$OUT" 2>&1; rc=$?
# The version is the header's PGR_VERSION, set in that one place.
version=$(sed -n 's/^#define PGR_VERSION "\(.*\)"/\1/p' "$(dirname "$0")/../../user/include/pigpioregs.h")
if [ $rc -eq 0 ] && [ -n "$version" ] && [ "$(cat "$OUT")" = "pigpio-regs $version" ]; then
	pass cli/version
else
	fail cli/version "exit $rc, '$(cat "$OUT")'"
fi

"$CLI" > "$OUT" 2> "$ERR"; rc=$?
if [ $rc -eq 2 ] && grep -q 'missing verb' "$ERR"; then
	pass cli/no-verb
else
	fail cli/no-verb "exit $rc, '$(cat "$ERR")'"
fi

# --- info ---------------------------------------------------------------

bcm2837
pgr info
expected_info="soc: bcm2837
phys_base: 0x3f200000
bus_base: 0x7e200000
block_size: 180
window_size: 4096
ngpio: 54"
if [ $rc -ne 0 ]; then
	fail cli/info "exit $rc: $(cat "$ERR")"
elif [ "$(head -n 6 "$OUT")" != "$expected_info" ]; then
	fail cli/info "got '$(head -n 6 "$OUT" | tr '\n' ';')'"
elif ! sed -n 7p "$OUT" | grep -Eq '^mapping: mapped at 0x[0-9a-f]+ in this process \(pid [0-9]+\)$'; then
	fail cli/info "mapping line '$(sed -n 7p "$OUT")'"
elif [ "$(sed -n 8,9p "$OUT")" != "config: mapping (unlocked read-modify-write: not the pigpio_regs driver)
pulls: not readable (no register holds them; set by the GPPUD sequence): shown as unknown" ]; then
	fail cli/info "config/pulls lines '$(sed -n 8,9p "$OUT" | tr '\n' ';')'"
elif [ "$(wc -l < "$OUT")" -ne 9 ]; then
	fail cli/info "$(wc -l < "$OUT") lines"
else
	pass cli/info
fi

# --- explain --------------------------------------------------------------

# The register value both ways, and the read system calls each took as
# counted by the kernel (/proc/self/io): none through the mapping, one
# through pread().
bcm2837
poke "$DEV" 0x34 0x00020000	# GPLEV0: pin 17 high
cp "$DEV" "$WORK/expected"
pgr --devicetree "$WORK/no-devicetree" explain
if [ "$rc" -ne 0 ]; then
	fail cli/explain "exit $rc: $(cat "$ERR")"
elif ! grep -q '^  through the mapping: 0x00020000, 0 read system calls$' "$OUT"; then
	fail cli/explain "mapping line: $(grep 'through the mapping' "$OUT")"
elif ! grep -q '^  through pread():     0x00020000, 1 read system call$' "$OUT"; then
	fail cli/explain "pread line: $(grep 'through pread' "$OUT")"
elif ! grep -q "^  /proc/self/maps: .* rw-s .*$DEV\$" "$OUT"; then
	fail cli/explain "no maps line for $DEV"
elif ! cmp -s "$DEV" "$WORK/expected"; then
	fail cli/explain "explain wrote to the block"
else
	pass cli/explain
fi
expect_usage cli/explain/extra-arg "explain takes no arguments" explain 17

# --- get ----------------------------------------------------------------

bcm2837
poke "$DEV" 0x04 0x00200000	# GPFSEL1: pin 17 = 001 output
poke "$DEV" 0x34 0x00020000	# GPLEV0: pin 17 high
poke "$DEV" 0x10 0x00000004	# GPFSEL4: pin 40 = 100 alt0
poke "$DEV" 0x14 0x00000600	# GPFSEL5: pin 53 = 011 alt4
poke "$DEV" 0x38 0x00200000	# GPLEV1: pin 53 high
expect_output cli/get/output-high "GPIO17 output high" get 17
expect_output cli/get/input-low "GPIO16 input low" get 16
expect_output cli/get/alt0-low "GPIO40 alt0 low" get 40
expect_output cli/get/alt4-high "GPIO53 alt4 high" get 53
poke "$DEV" 0x34 0x00000000
expect_output cli/get/output-low "GPIO17 output low" get 17

bcm2711
poke "$DEV" 0x14 0x00400000	# GPFSEL5: pin 57 = 010 alt5
poke "$DEV" 0x38 0x02000000	# GPLEV1: pin 57 high
expect_output cli/get/bcm2711-pin57 "GPIO57 alt5 high" get 57

# --- set ----------------------------------------------------------------

bcm2837
expect_effect cli/set/op "0x04=0x00200000" set 17 op
# The same pin by gpiozero's name, BCM17, and by get's, GPIO17.
bcm2837
expect_effect cli/set/op-bcm-name "0x04=0x00200000 0x1c=0x00020000" set BCM17 op dh
bcm2837
expect_effect cli/set/list-of-names "0x1c=0x00060000" set bcm17,GPIO18 dh
bcm2837
expect_effect cli/set/op-dh "0x04=0x00200000 0x1c=0x00020000" set 17 op dh
bcm2837
expect_effect cli/set/dl-op-order-free "0x04=0x00200000 0x28=0x00020000" set 17 dl op
bcm2837
poke "$DEV" 0x00 0xffffffff
expect_effect cli/set/ip-keeps-neighbours "0x00=0xffff8fff" set 4 ip
bcm2837
expect_effect cli/set/a0 "0x00=0x00000004" set 0 a0
bcm2837
expect_effect cli/set/a3 "0x00=0x38000000" set 9 a3
bcm2837
expect_effect cli/set/a5 "0x10=0x00010000" set 45 a5
bcm2837
expect_effect cli/set/a4-pin53 "0x14=0x00000600" set 53 a4
bcm2837
expect_effect cli/set/a1 "0x04=0x00000005" set 10 a1
bcm2837
expect_effect cli/set/a2 "0x08=0x00000006" set 20 a2
bcm2837
expect_effect cli/set/both-banks-one-store-each "0x1c=0x80000000 0x20=0x00000001" set 31-32 dh
bcm2711
expect_effect cli/set/bcm2711-pin57-dh "0x20=0x02000000 0x14=0x00200000" set 57 dh op

bcm2837
expect_effect cli/set/dh-on-input "0x1c=0x00000040" set 6 dh
if grep -q 'only latches' "$ERR"; then
	pass cli/set/dh-on-input-note
else
	fail cli/set/dh-on-input-note "no note: '$(cat "$ERR")'"
fi

# --- blink --------------------------------------------------------------

bcm2837
expect_effect cli/blink/effect "0x04=0x00200000 0x1c=0x00020000 0x28=0x00020000" blink 17 3 4
if [ "$(cat "$OUT")" = "blinked GPIO17 3 times (period 4 ms)" ]; then
	pass cli/blink/output
else
	fail cli/blink/output "'$(cat "$OUT")'"
fi
start=$(date +%s%N)
pgr blink 5 4 100
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 0 ] && [ $elapsed_ms -ge 390 ] && [ $elapsed_ms -lt 5000 ]; then
	pass cli/blink/timing
else
	fail cli/blink/timing "exit $rc, 4 x 100 ms took $elapsed_ms ms"
fi

# --- peek ---------------------------------------------------------------

bcm2837
poke "$DEV" 0x1c 0x00020000
poke "$DEV" 0x34 0xdeadbeef
poke "$DEV" 0xb0 0x12345678
poke "$DEV" 0xb4 0x99999999	# beyond the block: never shown
expect_output cli/peek/hex "0x01c: 0x00020000" peek 0x1c
expect_output cli/peek/decimal "0x01c: 0x00020000" peek 28
expect_output cli/peek/syscall "0x034: 0xdeadbeef" peek --syscall 0x34
expect_output cli/peek/syscall-after "0x034: 0xdeadbeef" peek 0x34 --syscall
expect_output cli/peek/last-register "0x0b0: 0x12345678" peek 0xb0
expect_output cli/peek/zero "0x000: 0x00000000" peek 0

# --- usage errors: exit 2, a message, the file untouched ----------------

bcm2837
poke "$DEV" 0x04 0x00200000
poke "$DEV" 0x34 0x00020000
expect_usage cli/bad/pin-60 "pin 60 out of range (this bcm2837 has pins 0-53)" set 60 op dh
expect_usage cli/bad/pin-54-get "pin 54 out of range (this bcm2837 has pins 0-53)" get 54
expect_usage cli/bad/pin-54-blink "pin 54 out of range" blink 54 1 2
expect_usage cli/bad/pin-word "unknown pin 'abc': not a GPIO number" --devicetree "$WORK/none" set abc op
expect_usage cli/bad/pin-negative "invalid pin '-1'" set -1 op
expect_usage cli/bad/op-unknown "set: unknown op 'xx' (expected output/op, input/ip, alt0-alt8/a0-a8, no, high/dh/1, low/dl/0, up/pu, down/pd, none/pn, d2/d4/d8/d12, slew-fast/slew-slow)" set 17 op xx
expect_usage cli/bad/op-before-valid "set: unknown op 'zz'" set 17 zz dh
expect_usage cli/bad/op-conflict "set: more than one function op ('a0' after 'op')" set 17 op a0
expect_usage cli/bad/set-no-op "set takes a PIN and at least one op" set 17
expect_usage cli/bad/get-extra "get takes at most one PIN list" get 17 18
expect_usage cli/bad/blink-count-0 "count 0 out of range (expected 1-1000000)" blink 17 0
expect_usage cli/bad/blink-count-big "count 1000001 out of range" blink 17 1000001
expect_usage cli/bad/blink-period-1 "period (ms) 1 out of range (expected 2-60000)" blink 17 5 1
expect_usage cli/bad/blink-period-big "period (ms) 60001 out of range" blink 17 5 60001
expect_usage cli/bad/peek-odd "offset 0x1e is not a multiple of 4" peek 0x1e
expect_usage cli/bad/peek-odd-decimal "offset 2 is not a multiple of 4" peek 2
expect_usage cli/bad/peek-block-end "offset 0x0b4 out of range (this bcm2837's block is 180 bytes: 0x000-0x0b0)" peek 0xb4
expect_usage cli/bad/peek-window "offset 0x1000 out of range" peek 4096
expect_usage cli/bad/peek-word "invalid offset 'zz'" peek zz
expect_usage cli/bad/verb "unknown verb 'frob'" frob
expect_usage cli/bad/option "unknown option '--frob'" --frob info
expect_usage cli/bad/info-extra "info takes no arguments" info 1

"$CLI" --device > "$OUT" 2> "$ERR"; rc=$?
if [ $rc -eq 2 ] && grep -q -- '--device needs a value' "$ERR"; then
	pass cli/bad/device-no-value
else
	fail cli/bad/device-no-value "exit $rc, '$(cat "$ERR")'"
fi

# --- pin lists, levels, banks (one store each) ---------------------------

bcm2837
expect_effect cli/set/pin-list "0x00=0x00001000 0x04=0x08248000 0x08=0x00000009 0x1c=0x003b8010" set 4,15-17,19-21 op dh
bcm2837
expect_effect cli/set/pin-list-dl "0x28=0x000e0000" set 17-19 dl
bcm2837
poke "$DEV" 0x34 0x00020000	# GPLEV0: 17 high, 18 low
expect_effect cli/toggle "0x28=0x00020000 0x1c=0x00040000" toggle 17,18
bcm2711
poke "$DEV" 0x38 0x02000000	# GPLEV1: 57 high
expect_effect cli/toggle/bcm2711-pin57 "0x2c=0x02000000" toggle 57
# What get prints is what set takes; GPIO17; reversed ranges; libgpiod's levels.
bcm2837
expect_effect cli/set/words-get-prints "0x1c=0x00020000 0x04=0x00200000" set GPIO17 output high
bcm2837
expect_effect cli/set/libgpiod-levels "0x28=0x000e0000" set 19-17 inactive
bcm2837
expect_effect cli/set/alt5 "0x04=0x00400000" set 17 alt5
# Options after the verb, --device included (the docs say anywhere).
bcm2837
"${LIMIT[@]}" "$CLI" get 17 --device "$DEV" --sysfs "$SYS" > "$OUT" 2> "$ERR"
rc=$?
if [ $rc -eq 0 ] && [ "$(cat "$OUT")" = "GPIO17 input low" ]; then
	pass cli/options-after-verb
else
	fail cli/options-after-verb "exit $rc: $(cat "$OUT" "$ERR")"
fi
# help VERB and VERB --help: the same text, that verb's usage first.
"$CLI" help wait > "$WORK/help1" 2>&1
rc1=$?
"$CLI" wait --help > "$WORK/help2" 2>&1
rc2=$?
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$WORK/help1" "$WORK/help2" &&
   head -n 1 "$WORK/help1" | grep -qx 'usage: pigpio-regs \[OPTIONS\] wait PIN LEVEL \[--timeout MS\]' &&
   grep -q -- '--timeout MS' "$WORK/help1"; then
	pass cli/help-verb
else
	fail cli/help-verb "exit $rc1/$rc2: $(head -c 300 "$WORK/help1") | $(head -c 300 "$WORK/help2")"
fi
# The bash completion script, as bash runs it, against this binary.
comp_out=$(PATH="$(dirname "$CLI"):$PATH" bash -c '
	. "$1"
	t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
	      _pigpio_regs; echo "${COMPREPLY[*]}"; }
	t pigpio-regs se
	t pigpio-regs set 17 outp
	t pigpio-regs wait 17 1 --t
	t pigpio-regs bank read ""
	t pigpio-regs set 17 --j
	t pigpio-regs --sysfs "$2/"' _ "$COMPLETION" "$WORK" 2>&1)
comp_want=$(printf '%s\n' "set selftest" output --timeout "0 1" "" "$WORK/sys")
if [ "$comp_out" = "$comp_want" ]; then
	pass cli/bash-completion
else
	fail cli/bash-completion "got: $(echo "$comp_out" | tr '\n' '|') want: $(echo "$comp_want" | tr '\n' '|')"
fi
bcm2837
expect_effect cli/bank/high "0x1c=0x80000001" bank high 0 0x80000001
bcm2837
expect_effect cli/bank/low "0x2c=0x003fffff" bank low 1 0x003fffff
bcm2837
expect_effect cli/bank/write "0x1c=0x0000000f 0x28=0x000000f0" bank write 0 0xff 0x0f
bcm2711
expect_effect cli/bank/write-bcm2711-bank1 "0x20=0x02000000 0x2c=0x01ffffff" bank write 1 0x03ffffff 0x02000000
bcm2837
poke "$DEV" 0x38 0xffffffff
expect_output cli/bank/read-masks-absent "bank 1: 0x003fffff" bank read 1
expect_output cli/bank/read-json '{"bank":1,"levels":4194303}' bank read --json 1

# --- pulls: both encodings -------------------------------------------------

bcm2711
expect_effect cli/pull/bcm2711-up-01 "0xe8=0x00000004" set 17 pu
bcm2711
expect_effect cli/pull/bcm2711-down-10 "0xe8=0x00000008" set 17 pd
bcm2711
poke "$DEV" 0xf0 0xffffffff
expect_effect cli/pull/bcm2711-none-pin57 "0xf0=0xfff3ffff" set 57 pn
bcm2711
expect_effect cli/pull/bcm2711-list "0xe4=0x00000015" set 0-2 pu
bcm2711
poke "$DEV" 0xe8 0x00000008	# pin 17 down
poke "$DEV" 0xe4 0x00000001	# pin 0 up
poke "$DEV" 0x04 0x00200000	# pin 17 output
expect_output cli/pull/bcm2711-get-readback "PIN  FUNC   NAME           LEVEL PULL    EVENTS         OWNER
0    input  -              low   up      -              -
16   input  -              low   none    -              -
17   output -              low   down    -              -" get 0,16-17
# BCM2835/6/7: the GPPUD sequence ends with GPPUD and GPPUDCLKn at 0, so the
# file (which keeps the last store) is unchanged; the stores themselves are
# checked in test_regs and test_chip.
bcm2837
expect_effect cli/pull/gppud-sequence-ends-clean "" set 17 pu
expect_output cli/pull/gppud-unknown "PIN  FUNC   NAME           LEVEL PULL    EVENTS         OWNER
17   input  -              low   unknown -              -
18   input  -              low   unknown -              -" get 17-18

# --- event detection -------------------------------------------------------

bcm2837
expect_effect cli/detect/rising-falling "0x4c=0x00020000 0x58=0x00020000" detect 17 rising falling --force
bcm2837
expect_effect cli/detect/every-kind-pin53 "0x50=0x00200000 0x5c=0x00200000 0x68=0x00200000 0x74=0x00200000 0x80=0x00200000 0x8c=0x00200000" detect --force 53 rising falling high low async-rising async-falling
# Enabling a detector without --force: refused with the hazard, nothing
# written (pinctrl-bcm2835 leaves the events of pins it does not handle
# in GPEDS, and the bank's interrupt asserted).
bcm2837
expect_usage cli/detect/needs-force "detect: enabling event detectors needs --force: the kernel's pinctrl-bcm2835 clears only the events of pins whose interrupt a driver has requested (bcm2835_gpio_irq_handle_bank() in drivers/pinctrl/bcm/pinctrl-bcm2835.c), so an event on GPIO17 can leave the bank's interrupt asserted, firing again and again; with --force, undo it with 'detect PINS none'" detect 17 rising
bcm2837
poke "$DEV" 0x4c 0xffffffff
poke "$DEV" 0x88 0x00020000
expect_effect cli/detect/none-clears-only-this-pin "0x4c=0xfffdffff 0x88=0x00000000" detect 17 none
bcm2837
poke "$DEV" 0x40 0x00020000	# GPEDS0: 17 detected
poke "$DEV" 0x58 0x00020000	# GPFEN0: 17 falling
poke "$DEV" 0x7c 0x00020000	# GPAREN0: 17 async rising
expect_output cli/events/read "GPIO17 detected=yes enabled=falling,async-rising
GPIO18 detected=no enabled=none" events 17-18
expect_output cli/events/json '{"pins":[{"pin":17,"detected":true,"enabled":["falling","async-rising"]}]}' events --json 17
bcm2837
expect_effect cli/events/clear-one-store "0x40=0x00060000" events clear 17-18
bcm2837
poke "$DEV" 0x40 0xffffffff
expect_effect cli/events/clear-bank1 "0x44=0x00200000" events clear 53

# --- get, funcs, info as tables and JSON -------------------------------------

bcm2837
poke "$DEV" 0x04 0x00006000	# GPFSEL1: pin 14 = 110 (alt2)
pgr get
if [ $rc -eq 0 ] && [ "$(wc -l < "$OUT")" -eq 55 ] &&
   [ "$(head -n 1 "$OUT")" = "PIN  FUNC   NAME           LEVEL PULL    EVENTS         OWNER" ] &&
   grep -qx '14   alt2   DPI_D10        low   unknown -              -' "$OUT"; then
	pass cli/get/all-pins-table
else
	fail cli/get/all-pins-table "exit $rc, $(wc -l < "$OUT") lines: $(sed -n '1p;16p' "$OUT" | tr '\n' ';')"
fi
expect_output cli/get/json '{"soc":"bcm2837","pins":[{"pin":14,"function":"alt2","alt":"DPI_D10","level":0,"pull":"unknown","events":[],"line":null,"owner":null}]}' get --json 14
expect_output cli/funcs/one "PIN  CURRENT ALT0           ALT1           ALT2           ALT3           ALT4           ALT5
14   alt2    TXD0           SD6            DPI_D10        AVEOUT_VID10   AVEIN_VID10    TXD1" funcs 14
expect_output cli/funcs/json '{"soc":"bcm2837","pins":[{"pin":15,"current":"input","alt":["RXD0","SD7","DPI_D11","AVEOUT_VID11","AVEIN_VID11","RXD1"]}]}' funcs --json 15
pgr funcs
if [ $rc -eq 0 ] && [ "$(wc -l < "$OUT")" -eq 55 ]; then
	pass cli/funcs/all
else
	fail cli/funcs/all "exit $rc, $(wc -l < "$OUT") lines"
fi
bcm2711
expect_output cli/funcs/bcm2711 "PIN  CURRENT ALT0           ALT1           ALT2           ALT3           ALT4           ALT5
0    input   SDA0           SA5            PCLK           SPI3_CE0_N     TXD2           SDA6" funcs 0
expect_output cli/info/json '{"soc":"bcm2711","phys_base":4263510016,"bus_base":2116026368,"block_size":244,"window_size":4096,"ngpio":58,"config":"mapping","pull_readable":true}' info --json
expect_output cli/peek/json '{"offset":52,"value":0,"via":"pread"}' peek --syscall --json 0x34

# A stop signal ends blink at once and leaves the pin as found (function
# and latch), with exit status 128 + the signal. The signal is sent once
# the CLI itself (not the forked shell before its exec) has blocked
# SIGHUP, SIGINT and SIGTERM (SigBlk bits 0, 1 and 14) or sleeps in
# sigtimedwait() for them (blink and wait block them from the start and
# take them there; poll reads them from a signalfd), so it always meets
# the code under test, never the default action.
# signaled VERB_ARGS...: run the CLI in the background, leave its pid in $bg
signaled() {
	"$CLI" --device "$DEV" --sysfs "$SYS" "$@" > "$OUT" 2> "$ERR" &
	bg=$!
	local i=0 blk
	# A hang guard (120 s), not a race: 5 s was once too short on a host
	# loaded with emulated boards, and the signal then met the default
	# action. It also ends if the CLI has ended.
	while [ $i -lt 12000 ] && kill -0 $bg 2>/dev/null; do
		case $(readlink "/proc/$bg/exe" 2>/dev/null) in
		"$CLI" | "$CLI (deleted)")
			# Inside sigtimedwait() the kernel shows the waited
			# signals unblocked: the wait itself says it then.
			case $(cat "/proc/$bg/wchan" 2>/dev/null) in
			do_sigtimedwait*) break ;;
			esac
			blk=$(awk '/^SigBlk:/ { print $2 }' "/proc/$bg/status" 2>/dev/null)
			[ -n "$blk" ] && [ $((0x$blk & 0x4003)) = $((0x4003)) ] && break
			;;
		esac
		sleep 0.01
		i=$((i + 1))
	done
}
for sig in INT:130 TERM:143 HUP:129; do
	bcm2837
	poke "$DEV" 0x04 0x00800000	# GPIO17 ALT0 before
	signaled blink 17 1000 100
	kill -"${sig%:*}" $bg
	wait $bg
	rc=$?
	if [ $rc -eq "${sig#*:}" ] && [ "$(word "$DEV" 0x04)" = 00800000 ] &&
	   grep -Eq "^stopped by SIG${sig%:*}: blinked GPIO17 [0-9]+ times \(period 100 ms\), left as found\$" "$OUT"; then
		pass "cli/blink/sig${sig%:*}-leaves-pin-as-found"
	else
		fail "cli/blink/sig${sig%:*}-leaves-pin-as-found" "exit $rc, GPFSEL1 $(word "$DEV" 0x04): $(cat "$OUT" "$ERR")"
	fi
done

# --- wait ---------------------------------------------------------------------

bcm2837
poke "$DEV" 0x34 0x00020000
expect_output cli/wait/already-high "GPIO17 high after 0 ms" wait 17 high --timeout 1000
start=$(date +%s%N)
pgr wait 17 low --timeout 300
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 1 ] && grep -qx 'pigpio-regs: wait: GPIO17 did not become low within 300 ms' "$ERR" &&
   [ $elapsed_ms -ge 290 ] && [ $elapsed_ms -lt 5000 ]; then
	pass cli/wait/timeout
else
	fail cli/wait/timeout "exit $rc after $elapsed_ms ms: $(cat "$ERR")"
fi
( sleep 0.3; poke "$DEV" 0x34 0 ) &
pgr wait 17 0 --timeout 5000
wait
if [ $rc -eq 0 ] && grep -Eq '^GPIO17 low after [0-9]+ ms$' "$OUT"; then
	pass cli/wait/sees-change
else
	fail cli/wait/sees-change "exit $rc: $(cat "$OUT" "$ERR")"
fi
# Ctrl-C is not a timeout: 130, and it says so (a timeout is exit 1).
poke "$DEV" 0x34 0
signaled wait 17 high
kill -INT $bg
wait $bg
rc=$?
if [ $rc -eq 130 ] && grep -qx 'pigpio-regs: wait: stopped by SIGINT; GPIO17 is not high' "$ERR"; then
	pass cli/wait/sigint-exit-130
else
	fail cli/wait/sigint-exit-130 "exit $rc: $(cat "$ERR")"
fi

# --- poll ---------------------------------------------------------------------
# A simulated block has no GPIO character device: poll says so and samples
# the levels through the mapping, saying that it samples and how often.
# Every step waits for the poller's own output (no sleeps to race), with
# a hang guard of 2000 rounds of 10 ms.

# until_grep FILE PATTERN: wait until FILE has a line matching PATTERN
until_grep() {
	local i=0
	while [ $i -lt 2000 ] && ! grep -Eq "$2" "$1" 2>/dev/null; do
		sleep 0.01
		i=$((i + 1))
	done
	grep -Eq "$2" "$1" 2>/dev/null
}
edge_re='^GPIO17 (rising|falling) [0-9]+\.[0-9]{9} \+[0-9]+\.[0-9]{6}$'

bcm2837
poke "$DEV" 0x04 0x00200000	# GPIO17 an output: poll must leave it so
cp "$DEV" "$WORK/poll-before"
# OUT and ERR emptied before the child opens them: until_grep must not
# find a line of an earlier run (so too below).
: > "$OUT"; : > "$ERR"
"$CLI" --device "$DEV" --sysfs "$SYS" poll 17 --count 2 > "$OUT" 2> "$ERR" &
bg=$!
ok=1
until_grep "$ERR" 'sampling the levels of GPIO17 every 1 ms through the mapping' || ok=0
poke "$DEV" 0x34 0x00020000	# GPLEV0: GPIO17 high
until_grep "$OUT" '^GPIO17 rising ' || ok=0
poke "$DEV" 0x34 0
wait $bg
rc=$?
poke "$DEV" 0x34 0
if [ $ok = 1 ] && [ $rc -eq 0 ] && [ "$(wc -l < "$OUT")" = 2 ] &&
   [ "$(grep -Ec "$edge_re" "$OUT")" = 2 ] &&
   [ "$(cut -d' ' -f2 "$OUT" | tr '\n' ' ')" = "rising falling " ] &&
   grep -qx 'pigpio-regs: poll: GPIO17 is output, not an input: a line request for its edges would make it one, and poll changes no pin' "$ERR" &&
   grep -q 'so sampling instead' "$ERR" && cmp -s "$DEV" "$WORK/poll-before"; then
	pass cli/poll/sample-two-edges-count
else
	fail cli/poll/sample-two-edges-count "exit $rc, ok $ok: $(cat "$OUT" "$ERR" | tr '\n' '|')"
fi
# Only the edge asked for; --sample says nothing of the character device.
: > "$OUT"; : > "$ERR"
"$CLI" --device "$DEV" --sysfs "$SYS" poll BCM17 falling --count 1 --sample > "$OUT" 2> "$ERR" &
bg=$!
ok=1
until_grep "$ERR" 'sampling the levels of GPIO17 .*: falling edges' || ok=0
poke "$DEV" 0x34 0x00020000
sleep 0.05	# a rising edge, not printed (no sync needed: none may appear)
poke "$DEV" 0x34 0
wait $bg
rc=$?
if [ $ok = 1 ] && [ $rc -eq 0 ] && [ "$(wc -l < "$OUT")" = 1 ] &&
   grep -Eq '^GPIO17 falling ' "$OUT" && ! grep -q 'character device' "$ERR"; then
	pass cli/poll/sample-falling-only
else
	fail cli/poll/sample-falling-only "exit $rc, ok $ok: $(cat "$OUT" "$ERR" | tr '\n' '|')"
fi
# --timeout ends it with exit 0 and a count; nothing changed.
start=$(date +%s%N)
pgr poll 17,22 --timeout 300
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 0 ] && [ ! -s "$OUT" ] && grep -qx 'pigpio-regs: poll: 0 edges within 300 ms' "$ERR" &&
   grep -q 'sampling the levels of GPIO17,GPIO22 every 1 ms' "$ERR" &&
   [ $elapsed_ms -ge 290 ] && [ $elapsed_ms -lt 10000 ] && cmp -s "$DEV" "$WORK/poll-before"; then
	pass cli/poll/timeout-exit-0
else
	fail cli/poll/timeout-exit-0 "exit $rc after $elapsed_ms ms: $(cat "$OUT" "$ERR" | tr '\n' '|')"
fi
# An input pin, and no chip of this SoC among /dev/gpiochip*: said.
pgr poll 22 --timeout 50
if [ $rc -eq 0 ] && grep -q 'poll: no GPIO character device of this SoC (pinctrl-bcm2835, pinctrl-bcm2711, pinctrl-rp1)' "$ERR" &&
   grep -q 'so sampling instead' "$ERR"; then
	pass cli/poll/no-chardev-says-so
else
	fail cli/poll/no-chardev-says-so "exit $rc: $(tr '\n' '|' < "$ERR")"
fi
for sig in INT:130 TERM:143; do
	signaled poll 17
	until_grep "$ERR" 'sampling the levels' || true
	kill -"${sig%:*}" $bg
	wait $bg
	rc=$?
	if [ $rc -eq "${sig#*:}" ] && grep -qx "pigpio-regs: poll: stopped by SIG${sig%:*} after 0 edges" "$ERR" &&
	   cmp -s "$DEV" "$WORK/poll-before"; then
		pass "cli/poll/sig${sig%:*}"
	else
		fail "cli/poll/sig${sig%:*}" "exit $rc: $(tr '\n' '|' < "$ERR")"
	fi
done
expect_usage cli/poll/no-pins "poll takes a PIN list and optionally an EDGE" poll
expect_usage cli/poll/bad-edge "poll: unknown edge 'up' (expected rising, falling or both)" poll 17 up
expect_usage cli/poll/count-zero "count 0 out of range" poll 17 --count 0
expect_usage cli/poll/count-not-for-get "get does not take --count" get 17 --count 2
expect_usage cli/poll/sample-not-for-wait "wait does not take --sample" wait 17 1 --sample
expect_usage cli/poll/pin-range "pin 54 out of range (this bcm2837 has pins 0-53)" poll 17,54
expect_usage cli/wait/edge-is-poll "wait waits for a level, not an edge: for the next edge say 'poll PIN rising --count 1'" wait 17 rising

# --- pins by device-tree line name (gpio-line-names) ------------------------
LDT=$WORK/linedt
mkdir -p "$LDT/soc/gpio@7e200000" "$LDT/soc/other"
printf 'brcm,bcm2835-gpio\0' > "$LDT/soc/gpio@7e200000/compatible"
# Line 6 is called GPIO12 (a CLI spelling: keeps its meaning), 3 and 4 share NC.
printf 'ID_SDA\0ID_SCL\0SDA1\0NC\0NC\0BT-ON\0GPIO12\0' > "$LDT/soc/gpio@7e200000/gpio-line-names"
printf 'vendor,other\0' > "$LDT/soc/other/compatible"
printf 'WRONG\0' > "$LDT/soc/other/gpio-line-names"
bcm2837
expect_output cli/names/get-one "GPIO1 input low" --devicetree "$LDT" get ID_SCL
expect_output cli/names/get-table "PIN  FUNC   NAME           LEVEL PULL    EVENTS         LINE           OWNER
0    input  -              low   unknown -              ID_SDA         -
5    input  -              low   unknown -              BT-ON          -
17   input  -              low   unknown -              -              -" --devicetree "$LDT" get ID_SDA,BT-ON,17
expect_output cli/names/cli-spelling-wins "GPIO12 input low" --devicetree "$LDT" get GPIO12
expect_output cli/names/json '{"soc":"bcm2837","pins":[{"pin":2,"function":"input","alt":null,"level":0,"pull":"unknown","events":[],"line":"SDA1","owner":null}]}' --devicetree "$LDT" get --json SDA1
expect_effect cli/names/set "0x00=0x00000040" --devicetree "$LDT" set SDA1 op
expect_usage cli/names/ambiguous "pin name 'NC' is ambiguous: lines 3 and 4 of $LDT/soc/gpio@7e200000 both have it (give GPIO3 or GPIO4)" --devicetree "$LDT" get NC
expect_usage cli/names/unknown "unknown pin 'WRONG': not a GPIO number (17, GPIO17, BCM17), header pin (pin11) or line name of $LDT/soc/gpio@7e200000/gpio-line-names" --devicetree "$LDT" set WRONG op
expect_usage cli/names/no-tree "unknown pin 'ID_SDA': not a GPIO number (17, GPIO17, BCM17) or header pin (pin11), and no line names to look it up in (no device tree at $WORK/none)" --devicetree "$WORK/none" get ID_SDA
expect_usage cli/names/case-sensitive "unknown pin 'id_sda'" --devicetree "$LDT" get id_sda
expect_usage cli/names/one-pin-verbs-take-one "unknown pin 'NOPE'" --devicetree "$LDT" wait NOPE 1
# Completion offers the names that mean one pin: not NC (two lines), not
# GPIO12 (the CLI's GPIO12 is another pin), not the other node's.
got=$("$CLI" __complete --devicetree "$LDT" --sysfs "$SYS" get "" | tr '\n' ' ')
case "$got" in
*" 53 ID_SDA ID_SCL SDA1 BT-ON ") pass cli/names/complete ;;
*) fail cli/names/complete "$got" ;;
esac
got=$("$CLI" __complete --sysfs "$SYS" poll 17 "" | tr '\n' ' ')
if [ "$got" = "both rising falling " ]; then
	pass cli/poll/complete-edges
else
	fail cli/poll/complete-edges "$got"
fi

# --- bench (pigpio-regs-bench, beside the CLI or PGR_BENCH) ----------------

# The benchmark is no longer a verb of the CLI.
expect_usage cli/bench-is-not-a-verb "unknown verb 'bench'" bench --quick
if [ -z "$BENCH" ]; then
	echo "SKIP bench: PGR_BENCH is empty (the benchmark, tools/bench, is not installed with the CLI)"
else
	# bench ARGS...: run the benchmark on the fixture; status in $rc
	bench() {
		"${LIMIT[@]}" "$BENCH" --device "$DEV" --sysfs "$SYS" "$@" > "$OUT" 2> "$ERR"
		rc=$?
	}

	# expect_bench_usage NAME "MESSAGE" ARGS...: the same for the benchmark
	expect_bench_usage() { usage_of bench pigpio-regs-bench "$@"; }

	# Against the simulated block the mapping rows are measured (a file's page
	# is memory, so the figures mean nothing but must be figures); the rows
	# that need the real driver, libgpiod or sysfs say "not available", with
	# no figure anywhere on their line. The levels come back through GPSET0
	# and GPCLR0: here GPLEV0 says 17 and 20 were high, so the last stores are
	# GPSET0 = bit 20 and GPCLR0 = bit 24 (17-24 restored in order).
	bcm2837
	poke "$DEV" 0x34 0x00120000
	cp "$DEV" "$WORK/before"
	bench --quick --reps 1 --csv "$WORK/bench.csv"
	bench_rows_ok=1
	for id in 1 2 2h 3 3h 7a 7c 8b; do
		grep -Eq "^$id +.* [0-9]+(\.[0-9])? +[0-9.-]+( +[0-9.-]+)?\$" "$OUT" ||
			{ bench_rows_ok=0; echo "    row $id: no figure"; }
		grep -Eq "^$id,[^,]*,(toggles/s|us|reads/s),[0-9]+\.[0-9],.*,ok\$" "$WORK/bench.csv" ||
			{ bench_rows_ok=0; echo "    csv row $id: no figure"; }
	done
	for id in 4 5 6 7b; do
		grep -Eq "^$id +.* not available \(not the pigpio_regs driver[^0-9]*\)\$" "$OUT" ||
			{ bench_rows_ok=0; echo "    row $id: not 'not available' (or has a number)"; }
		grep -Eq "^$id,[^,]*,(toggles/s|us),,,,not available: [^0-9]*\$" "$WORK/bench.csv" ||
			{ bench_rows_ok=0; echo "    csv row $id: not 'not available'"; }
	done
	# No timer node on the host: row 8a says so, with no figure.
	if ! grep -Eq "^8a +.* not available \(/dev/pigpio_timer: [^0-9]*\)\$" "$OUT" ||
		! grep -Eq "^8a,[^,]*,reads/s,,,,not available: /dev/pigpio_timer: [^0-9]*\$" "$WORK/bench.csv"; then
		bench_rows_ok=0
		echo "    row 8a: not 'not available' for want of the node"
	fi
	if [ $rc -ne 0 ]; then
		fail bench/simulated "exit $rc: $(head -c 300 "$ERR")"
	elif [ $bench_rows_ok -ne 1 ]; then
		fail bench/simulated "rows: $(tr '\n' ';' < "$OUT")"
	elif [ "$(grep -c '^goal: ' "$OUT")" -ne 9 ] ||
	     [ "$(grep -c 'not measured$' "$OUT")" -ne 6 ] ||
	     ! grep -Eq '^setup 7a made [0-9]+ system calls' "$OUT"; then
		fail bench/simulated "goal lines: $(grep '^goal' "$OUT" | tr '\n' ';')"
	elif [ "$(word "$DEV" 0x04)" != "$(word "$WORK/before" 0x04)" ] ||
	     [ "$(word "$DEV" 0x08)" != "$(word "$WORK/before" 0x08)" ]; then
		fail bench/simulated "GPFSEL1/2 not restored: $(word "$DEV" 0x04) $(word "$DEV" 0x08)"
	elif [ "$(word "$DEV" 0x1c)" != 00100000 ] || [ "$(word "$DEV" 0x28)" != 01000000 ]; then
		fail bench/simulated "levels not put back last (GPSET0 $(word "$DEV" 0x1c), GPCLR0 $(word "$DEV" 0x28))"
	else
		pass bench/simulated
	fi
	# Near the end of bank 1 the 8 pins end at the last pin (46-53).
	bcm2837
	bench --quick --reps 1 --pin 50
	if [ $rc -eq 0 ] && head -n 1 "$OUT" | grep -q 'mask 0x003fc000 of bank 1'; then
		pass bench/last-pins
	else
		fail bench/last-pins "exit $rc: $(head -n 1 "$OUT") $(head -c 200 "$ERR")"
	fi
	# A stop signal ends the run after the row in progress: functions and
	# levels back, no table, no CSV, 128 + the signal. Sent once the 8 pins
	# are outputs (GPFSEL1 changed), with 100 repetitions still ahead.
	for sig in INT:130 TERM:143 HUP:129; do
		bcm2837
		poke "$DEV" 0x04 0x00800000	# GPIO17 ALT0 before
		poke "$DEV" 0x34 0x00020000	# GPIO17 high before
		rm -f "$WORK/bench.csv"
		"$BENCH" --device "$DEV" --sysfs "$SYS" --quick --reps 100 --csv "$WORK/bench.csv" \
			> "$OUT" 2> "$ERR" &
		bg=$!
		i=0
		while [ $i -lt 1000 ] && [ "$(word "$DEV" 0x04)" = 00800000 ]; do
			sleep 0.01
			i=$((i + 1))
		done
		kill -"${sig%:*}" $bg
		wait $bg
		rc=$?
		if [ $rc -eq "${sig#*:}" ] && [ "$(word "$DEV" 0x04)" = 00800000 ] &&
		   [ "$(word "$DEV" 0x08)" = 00000000 ] && [ "$(word "$DEV" 0x1c)" = 00020000 ] &&
		   [ "$(word "$DEV" 0x28)" = 01000000 ] && [ ! -s "$OUT" ] && [ ! -e "$WORK/bench.csv" ] &&
		   grep -q "^pigpio-regs-bench: stopped by SIG${sig%:*}; GPIO17-24 have their functions and levels back" "$ERR"; then
			pass "bench/sig${sig%:*}-puts-pins-back"
		else
			fail "bench/sig${sig%:*}-puts-pins-back" "exit $rc, GPFSEL1 $(word "$DEV" 0x04) GPSET0 $(word "$DEV" 0x1c) GPCLR0 $(word "$DEV" 0x28): $(head -c 300 "$OUT" "$ERR")"
		fi
	done
	expect_bench_usage bench/reps-0 "repetitions 0 out of range (expected 1-100)" --reps 0
	expect_bench_usage bench/reps-101 "repetitions 101 out of range (expected 1-100)" --reps 101
	expect_bench_usage bench/pin-54 "pin 54 out of range (this bcm2837 has pins 0-53)" --pin 54
	expect_bench_usage bench/pin-bad "invalid pin 'x'" --pin x
	expect_bench_usage bench/unknown "unexpected '--fast' (try --help)" --fast
	expect_bench_usage bench/extra "unexpected '17' (try --help)" 17
	expect_bench_usage bench/csv-no-value "--csv needs a value" --csv
	bench --help
	if [ $rc -eq 0 ] && grep -q '^usage: pigpio-regs-bench ' "$OUT"; then
		pass bench/help
	else
		fail bench/help "exit $rc: $(head -c 200 "$OUT" "$ERR")"
	fi
	bench --quick --reps 1 --csv "$WORK/no-such-dir/b.csv"
	if [ $rc -eq 1 ] && grep -q "pigpio-regs-bench: writing $WORK/no-such-dir/b.csv: No such file or directory" "$ERR"; then
		pass bench/csv-unwritable
	else
		fail bench/csv-unwritable "exit $rc: $(head -c 200 "$ERR")"
	fi
fi

# --- ownership: a fake device tree ---------------------------------------------

DT=$WORK/dt
# cells FILE N...: big-endian 32-bit cells, as the kernel shows them
cells() {
	local f=$1 v
	shift
	: > "$f"
	for v in "$@"; do
		printf '%b' "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v >> 24 & 255)) \
			$((v >> 16 & 255)) $((v >> 8 & 255)) $((v & 255)))" >> "$f"
	done
}
rm -rf "$DT"
mkdir -p "$DT/soc/gpio@7e200000/uart1_gpio14" "$DT/soc/gpio@7e200000/sdhost_gpio48" \
	"$DT/soc/serial@7e215040" "$DT/soc/mmc@7e202000"
printf 'brcm,bcm2835-gpio\0' > "$DT/soc/gpio@7e200000/compatible"
cells "$DT/soc/gpio@7e200000/uart1_gpio14/brcm,pins" 14 15
cells "$DT/soc/gpio@7e200000/uart1_gpio14/phandle" 16
cells "$DT/soc/gpio@7e200000/sdhost_gpio48/brcm,pins" 48 49 50 51 52 53
cells "$DT/soc/gpio@7e200000/sdhost_gpio48/phandle" 12
cells "$DT/soc/serial@7e215040/pinctrl-0" 16
printf 'okay\0' > "$DT/soc/serial@7e215040/status"
cells "$DT/soc/mmc@7e202000/pinctrl-0" 12

# expect_refused NAME "MESSAGE" ARGS...: exit 1, MESSAGE, file untouched
expect_refused() {
	local name=$1 msg=$2
	shift 2
	cp "$DEV" "$WORK/before"
	pgr --devicetree "$DT" "$@"
	if [ $rc -ne 1 ]; then
		fail "$name" "exit $rc, expected 1: $(cat "$ERR")"
	elif ! grep -qF -- "pigpio-regs: $msg" "$ERR" ||
	     ! grep -qF 'nothing was written' "$ERR"; then
		fail "$name" "stderr lacks '$msg': $(head -c 300 "$ERR")"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name" "the file changed"
	else
		pass "$name"
	fi
}

bcm2837
poke "$DEV" 0x04 0x00012000	# GPFSEL1: 14, 15 alt5 (the mini UART)
expect_refused cli/owner/set-14-ip "GPIO14 is claimed by the kernel (/soc/serial@7e215040): refusing to change its configuration" set 14 ip
expect_refused cli/owner/set-48-pull "GPIO48 is claimed by the kernel (/soc/mmc@7e202000)" set 48 pu
expect_refused cli/owner/list-names-each "GPIO15 is claimed by the kernel (/soc/serial@7e215040)" set 13-16 op
expect_refused cli/owner/level-of-non-output "GPIO14 is claimed by the kernel (/soc/serial@7e215040) and is alt5, not an output: refusing to drive it" set 14 dh
expect_refused cli/owner/toggle "GPIO48 is claimed by the kernel (/soc/mmc@7e202000) and is input" toggle 48
expect_refused cli/owner/bank "GPIO49 is claimed" bank high 1 0x00020000
expect_refused cli/owner/detect "GPIO15 is claimed" detect 15 none
expect_refused cli/owner/events-clear "GPIO14 is claimed" events clear 14
expect_refused cli/owner/blink "GPIO48 is claimed" blink 48 1 2
expect_refused cli/owner/unreadable-tree "cannot tell which pins the kernel claims (reading $WORK/absent: No such file or directory)" --devicetree "$WORK/absent" set 17 op
cp "$DEV" "$WORK/expected"
poke "$WORK/expected" 0x04 0x00010000
"${LIMIT[@]}" "$CLI" --device "$DEV" --sysfs "$SYS" --devicetree "$DT" set 14 ip --force > "$OUT" 2> "$ERR"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$DEV" "$WORK/expected" &&
   grep -qF 'warning: GPIO14 is claimed by the kernel (/soc/serial@7e215040); changing it anyway (--force)' "$ERR"; then
	pass cli/owner/force
else
	fail cli/owner/force "exit $rc: $(cat "$ERR")"
fi
bcm2837
poke "$DEV" 0x10 0x00000001	# GPFSEL4: pin 40 output (a claimed output below)
expect_effect cli/owner/free-pin-ok "0x04=0x00200000" --devicetree "$DT" set 17 op
bcm2837
poke "$DEV" 0x14 0x00000008	# GPFSEL5: pin 51 output
expect_effect cli/owner/level-of-claimed-output-ok "0x20=0x00080000" --devicetree "$DT" set 51 dh
bcm2837
pgr --devicetree "$DT" get 13-15
if [ $rc -eq 0 ] && [ "$(sed -n 3p "$OUT")" = "14   input  -              low   unknown -              /soc/serial@7e215040" ]; then
	pass cli/owner/get-shows-owner
else
	fail cli/owner/get-shows-owner "exit $rc: $(cat "$OUT")"
fi
pgr --devicetree "$DT" owners
if [ $rc -eq 0 ] && grep -qx 'GPIO14 devicetree=/soc/serial@7e215040 gpiolib=-' "$OUT" &&
   grep -qx 'GPIO53 devicetree=/soc/mmc@7e202000 gpiolib=-' "$OUT" &&
   ! grep -q '^GPIO17 ' "$OUT"; then
	pass cli/owners
else
	fail cli/owners "exit $rc: $(cat "$OUT")"
fi

# --- explain's device-tree walk on malformed trees: it must end ------------
# A "ranges" whose length is not whole entries (10 bytes of 3-cell entries)
# once made explain spin forever; so did cell counts of 0.
DTX=$WORK/dt-explain
rm -rf "$DTX"
mkdir -p "$DTX/soc/gpio@7e200000"
printf 'brcm,bcm2835-gpio\0' > "$DTX/soc/gpio@7e200000/compatible"
cells "$DTX/soc/gpio@7e200000/reg" 0x7e200000 0xb4
cells "$DTX/soc/#address-cells" 1
cells "$DTX/soc/#size-cells" 1
cells "$DTX/#address-cells" 1
cells "$DTX/soc/ranges" 0x7e000000 0x3f000000
printf '\001\002' >> "$DTX/soc/ranges"	# 10 bytes
bcm2837
pgr --devicetree "$DTX" explain
if [ $rc -eq 124 ]; then
	fail cli/explain/ranges-not-whole-entries "timed out (spins)"
elif ! grep -q 'ranges: 10 bytes, not whole entries of 1+1+1 cells: cannot translate' "$OUT"; then
	fail cli/explain/ranges-not-whole-entries "exit $rc: $(grep -i ranges "$OUT")"
else
	pass cli/explain/ranges-not-whole-entries
fi
cells "$DTX/soc/ranges" 0x7e000000 0x3f000000 0x01000000
cells "$DTX/soc/#address-cells" 0
cells "$DTX/#address-cells" 0
cells "$DTX/soc/#size-cells" 0
pgr --devicetree "$DTX" explain
if [ $rc -eq 124 ]; then
	fail cli/explain/zero-cells "timed out (spins)"
elif ! grep -q 'not whole entries of 0+0+0 cells: cannot translate' "$OUT"; then
	fail cli/explain/zero-cells "exit $rc: $(grep -i ranges "$OUT")"
else
	pass cli/explain/zero-cells
fi
cells "$DTX/soc/#address-cells" 1
cells "$DTX/#address-cells" 1
cells "$DTX/soc/#size-cells" 1
cells "$DTX/soc/ranges" 0x7e000000 0x3f000000 0x01000000
pgr --devicetree "$DTX" explain
if grep -q '0x7e200000 - 0x7e000000 + 0x3f000000 = 0x3f200000' "$OUT"; then
	pass cli/explain/ranges-translate
else
	fail cli/explain/ranges-translate "exit $rc: $(grep -iA2 ranges "$OUT")"
fi

# --- more usage errors: exit 2, a message, nothing written ----------------

bcm2837
expect_usage cli/bad/list-beyond-chip "pin 54 out of range (this bcm2837 has pins 0-53)" set 50-54 op
expect_usage cli/bad/list-syntax "invalid pin list '4,,5'" set 4,,5 op
expect_usage cli/bad/bank-old-words "bank clear is now 'bank low BANK MASK'" bank clear 0 1
expect_usage cli/bad/pull-twice "set: more than one pull op ('pd' after 'pu')" set 17 pu pd
expect_usage cli/bad/bank-mask "mask 0x00400000 has pins that do not exist" bank high 1 0x400000
expect_usage cli/bad/bank-2 "bank 2 out of range (expected 0-1)" bank read 2
expect_usage cli/bad/detect-kind "detect: unknown kind 'edge'" detect 17 edge
expect_usage cli/bad/wait-level "invalid level 'up'" wait 17 up
expect_usage cli/bad/wait-timeout "timeout (ms) 0 out of range" wait 17 1 --timeout 0
expect_usage cli/bad/json-on-set "set does not take --json" set 17 op --json
expect_usage cli/bad/force-on-get "get does not take --force" --force get 17
expect_usage cli/bad/funcs-beyond "pin 58 out of range (this bcm2837 has pins 0-53)" funcs 58

# --- open failures: exit 1 with a hint -----------------------------------

bcm2837
"$CLI" --device "$WORK/absent" --sysfs "$SYS" get 17 > "$OUT" 2> "$ERR"; rc=$?
if [ $rc -eq 1 ] && grep -q 'sudo modprobe pigpio_regs' "$ERR" &&
   grep -q 'insmod kernel/pigpio_regs.ko' "$ERR"; then
	pass cli/open/missing-device
else
	fail cli/open/missing-device "exit $rc, '$(cat "$ERR")'"
fi

"$CLI" --device "$DEV" --sysfs "$WORK/absent" info > "$OUT" 2> "$ERR"; rc=$?
if [ $rc -eq 1 ] && grep -q 'modprobe' "$ERR"; then
	pass cli/open/missing-sysfs
else
	fail cli/open/missing-sysfs "exit $rc, '$(cat "$ERR")'"
fi

echo bcm2712 > "$SYS/soc"
pgr info
if [ $rc -eq 1 ] && grep -q 'not what this version' "$ERR"; then
	pass cli/open/unknown-soc
else
	fail cli/open/unknown-soc "exit $rc, '$(cat "$ERR")'"
fi

bcm2837
chmod 000 "$DEV"
if [ "$(id -u)" -eq 0 ]; then
	# root bypasses the mode; the node must still open
	pgr get 17
	if [ $rc -eq 0 ]; then
		pass cli/open/mode-000-as-root
	else
		fail cli/open/mode-000-as-root "exit $rc: $(cat "$ERR")"
	fi
	if command -v setpriv > /dev/null; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$CLI" --device "$DEV" --sysfs "$SYS" get 17 > "$OUT" 2> "$ERR"
		rc=$?
		run_eacces=1
	else
		echo "SKIP cli/open/eacces: running as root and setpriv is not installed"
		run_eacces=0
	fi
else
	pgr get 17
	run_eacces=1
fi
# shellcheck disable=SC2016 # '$USER' is the literal text to type
if [ $run_eacces -eq 1 ]; then
	if [ $rc -eq 1 ] && grep -q 'Permission denied' "$ERR" &&
	   grep -q '60-pigpio-regs.rules' "$ERR" &&
	   grep -qF 'sudo usermod -aG gpio $USER' "$ERR"; then
		pass cli/open/eacces
	else
		fail cli/open/eacces "exit $rc, '$(cat "$ERR")'"
	fi
fi
chmod 644 "$DEV"

# --- RP1 (Raspberry Pi 5) -----------------------------------------------------
# A 0x30000-byte window as the driver or Raspberry Pi's /dev/gpiomem0 maps
# it: IO_BANK at 0, SYS_RIO at 0x10000, PADS at 0x20000; banks 0/1/2 (GPIO
# 0-27, 28-33, 34-53) at +0/+0x4000/+0x8000 of each; CTRL of pin n of a bank
# at 8n + 4, its pad at 4 + 4n; RIO OUT 0x0, OE 0x4, SYNC_IN 0xc; every
# register's XOR/SET/CLR aliases at +0x1000/+0x2000/+0x3000. The file keeps
# what was stored where: a level or a change shows as alias words only.

rp1() {
	rm -rf "$DEV" "$SYS"
	head -c 196608 /dev/zero > "$DEV"
	mkdir -p "$SYS"
	echo rp1 > "$SYS/soc"
	echo 0x1f000d0000 > "$SYS/phys_base"
	echo 0x400d0000 > "$SYS/bus_base"
	echo 49152 > "$SYS/block_size"
	echo 196608 > "$SYS/window_size"
	echo 54 > "$SYS/ngpio"
	echo devicetree > "$SYS/source"
	chmod -R a+rX "$SYS"
}

rp1
pgr info
if [ $rc -eq 0 ] && [ "$(head -n 6 "$OUT")" = "soc: rp1
phys_base: 0x1f000d0000
bus_base: 0x400d0000
block_size: 49152
window_size: 196608
ngpio: 54" ]; then
	pass cli/rp1/info
else
	fail cli/rp1/info "exit $rc: $(head -n 6 "$OUT" | tr '\n' ';') $(cat "$ERR")"
fi
# Raspberry Pi's own node: no attributes, known by its name.
cp "$DEV" "$WORK/gpiomem0"
"${LIMIT[@]}" "$CLI" --device "$WORK/gpiomem0" info > "$OUT" 2> "$ERR"
rc=$?
if [ $rc -eq 0 ] && head -n 1 "$OUT" | grep -qx 'soc: rp1' &&
   grep -qx 'window_size: 196608' "$OUT"; then
	pass cli/rp1/gpiomem0-by-name
else
	fail cli/rp1/gpiomem0-by-name "exit $rc: $(head -c 300 "$OUT" "$ERR")"
fi
rm -f "$WORK/gpiomem0"

# Levels: one store to the SET/CLR alias of the pin's bank's OUT.
rp1
expect_effect cli/rp1/set-dh-gpio17 "0x12000=0x00020000" set 17 dh
rp1
expect_effect cli/rp1/set-dl-gpio17 "0x13000=0x00020000" set 17 dl
rp1
expect_effect cli/rp1/set-dh-gpio30-bank1 "0x16000=0x00000004" set 30 dh
rp1
expect_effect cli/rp1/set-dl-gpio40-bank2 "0x1b000=0x00000040" set 40 dl
rp1
expect_effect cli/rp1/set-header-one-store "0x12000=0x0fffffff" set 0-27 dh
rp1
expect_effect cli/rp1/set-across-rp1-banks "0x12000=0x08000000 0x16000=0x00000001" set 27-28 dh
rp1
expect_effect cli/rp1/bank-high-1 "0x16000=0x00000030 0x1a000=0x00000001" bank high 1 0x7
rp1
poke "$DEV" 0x1000c 0x00020000	# SYNC_IN of bank 0: GPIO17 high
expect_effect cli/rp1/toggle "0x13000=0x00020000" toggle 17
# Functions: alias stores only. From FUNCSEL 0: OE set, the pad's input
# on (SET 0x40) and output-disable off (CLR 0x80), the overrides cleared
# (CLR 0xf000), FUNCSEL 0 -> 5 through the XOR alias.
rp1
expect_effect cli/rp1/set-op "0x12004=0x00020000 0x22048=0x00000040 0x23048=0x00000080 0x0308c=0x0000f000 0x0108c=0x00000005" set 17 op
rp1
expect_effect cli/rp1/set-ip "0x13004=0x00020000 0x22048=0x00000040 0x23048=0x00000080 0x0308c=0x0000f000 0x0108c=0x00000005" set 17 ip
rp1
expect_effect cli/rp1/set-alt8-gpio18 "0x2204c=0x00000040 0x2304c=0x00000080 0x03094=0x0000f000 0x01094=0x00000008" set 18 alt8
rp1
poke "$DEV" 0x0008c 0x00000006	# GPIO17 a6: XOR 6 ^ 3
expect_effect cli/rp1/set-a3-from-a6 "0x22048=0x00000040 0x23048=0x00000080 0x0308c=0x0000f000 0x0108c=0x00000005" set 17 a3
# Pulls: the pad's CLR alias, then SET: pull-up bit 3, pull-down bit 2.
rp1
expect_effect cli/rp1/pull-up "0x23048=0x00000004 0x22048=0x00000008" set 17 pu
rp1
expect_effect cli/rp1/pull-down "0x23048=0x00000008 0x22048=0x00000004" set 17 pd
rp1
expect_effect cli/rp1/pull-none "0x23048=0x0000000c" set 17 pn
# Drive strength (the pad's bits 5:4: 0 2 mA, 1 4 mA, 2 8 mA, 3 12 mA):
# the CLR alias of the field's bits the code lacks, the SET alias of those
# it has, a store carrying no bit left out. Slew: bit 0, SET fast, CLR slow.
rp1
expect_effect cli/rp1/drive-d12 "0x22048=0x00000030" set 17 d12
rp1
expect_effect cli/rp1/drive-d2 "0x23048=0x00000030" set 17 d2
rp1
expect_effect cli/rp1/drive-4mA "0x23048=0x00000020 0x22048=0x00000010" set 17 4mA
rp1
expect_effect cli/rp1/drive-d8-gpio40-bank2 "0x2b01c=0x00000010 0x2a01c=0x00000020" set 40 d8
rp1
expect_effect cli/rp1/drive-d8-gpio30-bank1 "0x2700c=0x00000010 0x2600c=0x00000020" set 30 8mA
rp1
expect_effect cli/rp1/slew-fast "0x22048=0x00000001" set 17 slew-fast
rp1
expect_effect cli/rp1/slew-slow "0x23048=0x00000001" set 17 slow
rp1
expect_effect cli/rp1/drive-two-pins "0x23048=0x00000010 0x22048=0x00000020 0x2304c=0x00000010 0x2204c=0x00000020" set 17-18 d8
expect_usage cli/rp1/bad/two-drives "set: more than one drive op ('d4' after 'd12')" set 17 d12 d4
expect_usage cli/rp1/bad/drive-6mA "set: unknown op 'd6'" set 17 d6
# Reading: FUNCSEL, OE and SYNC_IN; the pad's pull bits.
rp1
poke "$DEV" 0x0008c 0x00000005	# GPIO17 SYS_RIO
poke "$DEV" 0x10004 0x00020000	# OE: output
poke "$DEV" 0x1000c 0x00020000	# SYNC_IN: high
poke "$DEV" 0x00094 0x00000008	# GPIO18 a8
poke "$DEV" 0x00024 0x0000001f	# GPIO4 none
poke "$DEV" 0x20048 0x00000048	# GPIO17 pad: input on, pull-up, 2 mA, slow
poke "$DEV" 0x2004c 0x00000065	# GPIO18 pad: input on, pull-down, 8 mA, fast
poke "$DEV" 0x20014 0x00000031	# GPIO4 pad: 12 mA, fast
expect_output cli/rp1/get-output-high "GPIO17 output high" get 17
expect_output cli/rp1/get-alt8 "GPIO18 alt8 low" get 18
expect_output cli/rp1/get-none "GPIO4 no low" get 4
expect_output cli/rp1/get-table-pulls-drive-slew "PIN  FUNC   NAME           LEVEL PULL    DRIVE SLEW EVENTS         OWNER
4    no     -              low   none    12mA  fast -              -
17   output -              high  up      2mA   slow -              -
18   alt8   GPCLK1         low   down    8mA   fast -              -" get 4,17-18
expect_output cli/rp1/get-json-drive-slew '{"soc":"rp1","pins":[{"pin":18,"function":"alt8","alt":"GPCLK1","level":0,"pull":"down","drive":"8mA","slew":"fast","events":[],"line":null,"owner":null}]}' get --json 18
expect_output cli/rp1/funcs-a0-a8 "PIN  CURRENT ALT0           ALT1           ALT2           ALT3           ALT4           ALT5           ALT6           ALT7           ALT8
14   alt0    PWM0_CHAN2     DPI_D10        CTS4           SDA3           TXD0           SYS_RIO014     PROC_RIO014    PIO14          SPI5_SIO0" funcs 14
expect_output cli/rp1/peek-ctrl "0x08c: 0x00000005" peek 0x8c
expect_usage cli/rp1/bad/pin-54 "pin 54 out of range (this rp1 has pins 0-53)" set 54 op
# ALT6-ALT8 and no function are the RP1's: a BCM chip refuses them as a
# usage error before anything is written, the valid ops given with them
# too (set 16 dh alt6 once stored GPSET0 bit 16, then failed).
for soc in bcm2835 bcm2837 bcm2711; do
	for ops in "alt6" "dh a7" "pd alt8" "no" "pu dh no"; do
		$soc
		# shellcheck disable=SC2086 # the ops are words
		expect_usage "cli/set/$soc-refuses-${ops// /-}" \
			"set: '${ops##* }' is a function of the RP1 (Raspberry Pi 5) only: this $soc has input, output and alt0-alt5" \
			set 16 $ops
	done
done
# Drive strength and slew: a BCM chip's are per group of pins outside its
# window. Refused before anything is written, the valid ops too.
for soc in bcm2837 bcm2711; do
	for ops in "op dh d8" "slew-fast" "pu 12mA slow"; do
		$soc
		case $ops in
		*d8) word=d8 ;; slew-fast) word='slew-fast' ;; *) word=12mA ;;
		esac
		# shellcheck disable=SC2086 # the ops are words
		expect_usage "cli/rp1/$soc-refuses-${ops// /-}" \
			"set: '$word': drive strength and slew rate are set per pin only on the RP1 (Raspberry Pi 5); this $soc sets them for groups of pins" \
			set 17 $ops
	done
done
# The RP1's detectors are pinctrl-rp1's interrupt enables: refused, as
# the library would, before anything is written.
rp1
expect_usage cli/rp1/bad/detect "detect: the RP1 has no GPREN-GPAFEN or GPEDS registers" detect --force 17 rising
rp1
expect_usage cli/rp1/bad/events-clear "events clear: the RP1 has no GPREN-GPAFEN or GPEDS registers" events clear 17

# --- every refused command leaves the block byte-identical -----------------
# Each command the parser or the chip check refuses, on each SoC's block
# (its registers filled with a pattern, so a store of any value shows):
# exit 2 and not one byte changed.
refused=(
	"set 17 op ip" "set 17 dh dl" "set 17 pu pd" "set 17 xx" "set 17"
	"set 64 op" "set 58 op" "set 0-58 dh" "set 17 unknown"
	"detect 17 rising" "detect 0-53 falling high" "detect 17 edge"
	"detect 17 none rising" "bank high 1 0xffffffff"
	"bank write 1 0x80000000 0" "bank write 2 1 1" "bank set 0 1"
	"peek 0x30000" "peek 2" "toggle 99" "toggle" "blink 17 0"
	"blink 17 5 1" "wait 17 up" "wait 60 1" "events clear" "events 70"
	"selftest 99" "frob 17" "set 17 op --json" "get 17 --force"
	"--timeout 5 set 17 op" "funcs 1,2,x" "17 op dh" "GPIO17 dl"
)
# What only the RP1 has: refused on the BCM chips.
refused_bcm=(
	"set 16 dh alt6" "set 0-53 pu alt7" "set 17 a8" "set 17 no"
	"set 17 d2" "set 17 op slew-slow" "set 17 dh 4mA"
)
# What the RP1 lacks: GPREN-GPAFEN and GPEDS.
refused_rp1=(
	"detect 17 rising --force" "detect 17 none" "events clear 17"
	"events clear 0-53 --force"
)
for soc in bcm2835 bcm2837 bcm2711 rp1; do
	$soc
	size=$(stat -c %s "$DEV")
	# A pattern, not zeros: 0xa5 in every byte.
	head -c "$size" /dev/zero | tr '\0' '\245' > "$DEV"
	cp "$DEV" "$WORK/pattern"
	bad=
	if [ $soc = rp1 ]; then
		cmds=("${refused[@]}" "${refused_rp1[@]}")
	else
		cmds=("${refused[@]}" "${refused_bcm[@]}")
	fi
	for c in "${cmds[@]}"; do
		# shellcheck disable=SC2086 # the command is words
		pgr $c
		if [ $rc -ne 2 ]; then
			bad="$bad '$c': exit $rc ($(head -c 120 "$ERR"));"
		fi
		if ! cmp -s "$DEV" "$WORK/pattern"; then
			bad="$bad '$c': the block changed;"
			cp "$WORK/pattern" "$DEV"
		fi
	done
	if [ -z "$bad" ]; then
		pass "cli/refused/$soc-block-byte-identical"
	else
		fail "cli/refused/$soc-block-byte-identical" "$bad"
	fi
done

# --- get's words are set's words ---------------------------------------------
# pinctrl's "no" is the function none ("none" and "pn" the pull none), and
# get prints it so: every word get prints of a pin's state (function,
# level, pull, drive, slew) is one set takes, with the same meaning. Each
# SoC's block with a spread of states; each pin's words from get's table
# (and from the one-pin form) fed back to set. On the BCM blocks, whose
# file keeps configuration stores, get then prints the same table again;
# the RP1's file keeps alias stores only, so there set must take them.
# "unknown" (a pull that cannot be read: BCM2835-7, or both RP1 pull
# bits) is a reading, not a state to set: the one word left out.
rp1
expect_effect cli/words/rp1-set-no "0x01024=0x0000001f 0x22014=0x00000080 0x23014=0x00000040" set 4 no
expect_usage cli/words/no-twice "set: more than one function op ('no' after 'output')" set 4 output no
rp1
expect_effect cli/words/none-is-the-pull "0x23048=0x0000000c" set 17 none
for soc in bcm2835 bcm2837 bcm2711 rp1; do
	$soc
	if [ $soc = rp1 ]; then
		# FUNCSEL 0-8 and 0x1f on GPIO0-9, pads with every pull,
		# drive and slew; GPIO3 an output (RIO OE), driven high.
		for p in 0 1 2 3 4 5 6 7 8; do
			poke "$DEV" $((8 * p + 4)) $p
			poke "$DEV" $((0x20004 + 4 * p)) $(( (p % 3 == 1 ? 8 : p % 3 == 2 ? 4 : 0) | (p % 4) << 4 | (p % 2) ))
		done
		poke "$DEV" $((8 * 9 + 4)) 0x1f
		poke "$DEV" 0x10004 0x00000028	# OE: GPIO3, GPIO5
		poke "$DEV" 0x1000c 0x00000008	# SYNC_IN: GPIO3 high
	else
		# GPFSEL0: GPIO n has code n (input, output, alt5, alt4,
		# alt0-alt3), GPIO8-9 output; GPIO1 high.
		poke "$DEV" 0x00 0x09fac688
		poke "$DEV" 0x34 0x00000002
		# BCM2711 pulls: none, up, down, none, ... (2 bits a pin)
		poke "$DEV" 0xe4 0x24924924
	fi
	pgr get 0-9
	cp "$OUT" "$WORK/table"
	bad=
	rows=0
	while read -r pin func _name level pull drive slew _rest; do
		[ "$pin" = PIN ] && continue
		rows=$((rows + 1))
		words="$func $level"
		[ "$pull" = unknown ] || words="$words $pull"
		[ $soc = rp1 ] && words="$words $drive $slew"
		# shellcheck disable=SC2086 # the words are words
		pgr set "$pin" $words
		[ $rc -eq 0 ] || bad="$bad 'set $pin $words': exit $rc ($(head -c 200 "$ERR"));"
		pgr get "$pin"
		read -r _ one_func one_level < "$OUT"
		pgr set "$pin" "$one_func" "$one_level"
		[ $rc -eq 0 ] || bad="$bad 'set $pin $one_func $one_level': exit $rc ($(head -c 200 "$ERR"));"
	done < "$WORK/table"
	if [ $soc != rp1 ]; then
		pgr get 0-9
		cmp -s "$OUT" "$WORK/table" ||
			bad="$bad get after set differs: $(diff "$WORK/table" "$OUT" | tr '\n' ';');"
	fi
	if [ "$rows" -ne 10 ]; then
		fail "cli/words/$soc-get-words-set" "$rows rows in get's table: $(cat "$WORK/table")"
	elif [ -n "$bad" ]; then
		fail "cli/words/$soc-get-words-set" "$bad"
	else
		pass "cli/words/$soc-get-words-set"
	fi
done
if grep -q '^9    no ' "$WORK/table"; then
	pass cli/words/rp1-get-prints-no
else
	fail cli/words/rp1-get-prints-no "$(cat "$WORK/table")"
fi

# --- completion offers what this chip takes -----------------------------------
# The completer reads the soc from --sysfs DIR (or the default directory):
# a BCM chip is not offered alt6-alt8, no, drive strength or slew.
for soc in bcm2837 rp1; do
	$soc
	comp_out=$(PATH="$(dirname "$CLI"):$PATH" bash -c '
		. "$1"
		t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
		      _pigpio_regs; echo "${COMPREPLY[*]}"; }
		t pigpio-regs --sysfs "$2" set 17 alt
		t pigpio-regs set --sysfs="$2" 17 op d
		t pigpio-regs --sysfs "$2" set 17 s
		t pigpio-regs --sysfs "$2" detect 17 r
		t pigpio-regs --sysfs "$2" --force detect 17 r' _ "$COMPLETION" "$SYS" 2>&1)
	if [ $soc = rp1 ]; then
		comp_want=$(printf '%s\n' "alt0 alt1 alt2 alt3 alt4 alt5 alt6 alt7 alt8" \
			"down dh dl d2 d4 d8 d12" "slew-fast slew-slow slow" "" "")
	else
		comp_want=$(printf '%s\n' "alt0 alt1 alt2 alt3 alt4 alt5" "down dh dl" "" "" \
			"rising")
	fi
	if [ "$comp_out" = "$comp_want" ]; then
		pass "cli/complete/$soc-offers-what-it-takes"
	else
		fail "cli/complete/$soc-offers-what-it-takes" "got: $(echo "$comp_out" | tr '\n' '|') want: $(echo "$comp_want" | tr '\n' '|')"
	fi
done

# --- messages for a simulated block ------------------------------------------
# --device FILE without --sysfs: the file is there, so the module is not
# what is missing; a plain file is not the driver's node.
bcm2837
if [ -d /sys/class/misc/pigpio_regs ]; then
	echo "SKIP cli/open/plain-file-needs-sysfs: the driver's attributes are here"
else
	"${LIMIT[@]}" "$CLI" --device "$DEV" get 17 > "$OUT" 2> "$ERR"; rc=$?
	if [ $rc -eq 1 ] &&
	   grep -qF "pigpio-regs: $DEV is not the driver's node but a plain file: a simulated block needs --sysfs DIR" "$ERR" &&
	   ! grep -q 'modprobe\|not loaded' "$ERR"; then
		pass cli/open/plain-file-needs-sysfs
	else
		fail cli/open/plain-file-needs-sysfs "exit $rc: $(cat "$ERR")"
	fi
fi
# selftest on a plain file with no model behind it: nothing takes its
# stores, so what a chip would do is NOT OBSERVABLE, not FAIL (exit 0, as
# for every NOT OBSERVABLE); tests/unit/test_selftest.sh runs a model.
for soc in bcm2835 bcm2837 bcm2711 rp1; do
	$soc
	pgr selftest 17
	if [ $rc -eq 0 ] && ! grep -q '^FAIL ' "$OUT" &&
	   grep -qF "selftest: not observable: $DEV is a plain file" "$OUT" &&
	   grep -qF "NOT OBSERVABLE output high: $DEV is a plain file: drove high" "$OUT"; then
		pass "cli/selftest/$soc-plain-file-not-observable"
	else
		fail "cli/selftest/$soc-plain-file-not-observable" "exit $rc: $(head -c 600 "$OUT") $(cat "$ERR")"
	fi
done

# --- pins by 40-pin header number -------------------------------------------
# pin11, BOARD11, J8:11 are GPIO17 on every board with the 40-pin header,
# known from the device tree's /system/linux,revision (one big-endian
# cell); the Pi 1 A/B's 26-pin header, a Compute Module's none, or no code
# at all: a usage error, nothing written. (--force: this tree has no
# pinctrl nodes, so the ownership guard cannot tell who claims what.)
HDT=$WORK/header-dt
# revision CODE: the fake device tree's /system/linux,revision ("": none)
revision() {
	rm -rf "$HDT"
	mkdir -p "$HDT/system"
	[ -n "$1" ] || return 0
	local v=$(($1))
	printf '%b' "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v >> 24 & 255)) \
		$((v >> 16 & 255)) $((v >> 8 & 255)) $((v & 255)))" > "$HDT/system/linux,revision"
}
bcm2837
revision 0xa02082	# Pi 3 Model B
expect_effect cli/header/pin11-is-gpio17 "0x04=0x00200000" --devicetree "$HDT" --force set pin11 op
bcm2837
expect_effect cli/header/list "0x1c=0x08060004" --devicetree "$HDT" --force set J8:11,board12,PIN13,pin3 dh
expect_output cli/header/get "GPIO17 input low" --devicetree "$HDT" get BOARD11
rp1
revision 0xc04170	# Pi 5
expect_output cli/header/pi5 "GPIO17 alt0 low" --devicetree "$HDT" get pin11
bcm2837
revision 0x000e		# Pi 1 Model B rev 2: 26 pins
expect_usage cli/header/pi1-b-refused "header pin numbers (pin11, BOARD11, J8:11) are the 40-pin header's; this board (revision 0x00000e) is a Pi 1 Model B, whose 26-pin header maps them differently by revision: give GPIO numbers (17, GPIO17)" --devicetree "$HDT" --force set pin11 op
revision 0xa020a0	# Compute Module 3: no header
expect_usage cli/header/cm3-refused "header pin numbers (pin11, BOARD11, J8:11) are the 40-pin header's; this board (revision 0xa020a0) is a Compute Module 3, which has none" --devicetree "$HDT" --force set pin11 dh
revision ""
expect_usage cli/header/no-revision-refused "header pin numbers (pin11, BOARD11, J8:11) need the board's revision code, to know it has the 40-pin header, and the device tree has no /system/linux,revision" --devicetree "$HDT" get pin11
expect_usage cli/header/power-pin "pin2 is 5V power on the 40-pin header, not a GPIO" get pin2
expect_usage cli/header/no-ranges "invalid pin list 'pin11-pin13': header pins take no ranges" get pin11-pin13

# --- pinout: the 40-pin header from the registers ---------------------------
# Each block gets a few pins set (SPEC: GPIO:FUNC:ALT:LEVEL, FUNC as get
# prints it); the registers are computed from the SPECs and so is every
# line expected back: the header's map below (physical pin 1-40: its GPIO
# or what it is instead), the SPEC of each GPIO, the chip's reset state
# for the others. Nothing may be written.
J8=(- 3V3 5V 2 5V 3 GND 4 14 GND 15 17 18 27 GND 22 23 3V3 24 10 GND 9 25
	11 8 GND 7 0 1 5 GND 6 12 13 GND 19 16 26 20 GND 21)

# spec_of GPIO DEFAULT SPEC...: FUNC ALT LEVEL of GPIO
spec_of() {
	local gpio=$1 dflt=$2 s
	shift 2
	for s in "$@"; do
		if [ "${s%%:*}" = "$gpio" ]; then
			echo "${s#*:}" | tr ':' ' '
			return
		fi
	done
	echo "$dflt"
}

# pinout_expected DEFAULT SPEC...: "PHYSICAL NAME [FUNC ALT LEVEL]" for pins 1-40
pinout_expected() {
	local dflt=$1 p v
	shift
	for p in $(seq 1 40); do
		v=${J8[$p]}
		case $v in
		*[!0-9]*) echo "$p $v" ;;
		*) echo "$p GPIO$v $(spec_of "$v" "$dflt" "$@")" ;;
		esac
	done
}

# pinout_text: the table on stdin as "PHYSICAL NAME [FUNC ALT LEVEL]"
# lines, the left (odd) pin of each row before its right (even) one
pinout_text() {
	awk -F ' [|] ' 'NR > 2 {
		n = split($1, l, " ")
		if (n == 2) print l[2], l[1]
		else print l[5], l[1], l[2], l[3], l[4]
		n = split($2, r, " ")
		if (n == 2) print r[1], r[2]
		else print r[1], r[5], r[4], r[3], r[2]
	}'
}

# pinout_json: the JSON on stdin as the same lines (its "none" function
# as the text's "no"), or a complaint about its shape
pinout_json() {
	python3 -c '
import json, sys
pins = json.load(sys.stdin)
assert isinstance(pins, list) and len(pins) == 40, "not 40 entries"
for i, p in enumerate(pins):
    assert p["physical"] == i + 1, p
    if p["gpio"] is None:
        assert p["function"] is None and p["level"] is None, p
        assert p["name"] in ("3V3", "5V", "GND"), p
        print(p["physical"], p["name"])
    else:
        assert p["name"] == "GPIO%d" % p["gpio"], p
        f = "no" if p["function"] == "none" else p["function"]
        print(p["physical"], p["name"], f, p["alt"] or "-",
              "high" if p["level"] else "low")
'
}

# check_pinout NAME DEFAULT SPEC...: pinout and pinout --json on the block
# set up as SPEC says (and the fake tree's revision) show exactly that
check_pinout() {
	local name=$1 dflt=$2 title
	shift 2
	pinout_expected "$dflt" "$@" > "$WORK/pinout-want"
	cp "$DEV" "$WORK/before"
	pgr --devicetree "$HDT" pinout
	title=$(head -n 1 "$OUT")
	if [ $rc -ne 0 ]; then
		fail "$name" "exit $rc: $(head -c 300 "$ERR")"
	elif ! pinout_text < "$OUT" | diff "$WORK/pinout-want" - > "$WORK/pinout-diff"; then
		fail "$name" "$(head -c 600 "$WORK/pinout-diff" | tr '\n' ';')"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name" "the file changed"
	else
		pass "$name"
	fi
	pgr --devicetree "$HDT" pinout --json
	if [ $rc -ne 0 ]; then
		fail "$name-json" "exit $rc: $(head -c 300 "$ERR")"
	elif ! pinout_json < "$OUT" > "$WORK/pinout-got" 2>&1 ||
	     ! diff "$WORK/pinout-want" "$WORK/pinout-got" > "$WORK/pinout-diff"; then
		fail "$name-json" "$(head -c 600 "$WORK/pinout-diff" "$WORK/pinout-got" | tr '\n' ';')"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name-json" "the file changed"
	else
		pass "$name-json"
	fi
	LAST_TITLE=$title
}

# bcm_block SPEC...: GPFSELn (FUNC's code in 3 bits a pin) and GPLEV0
bcm_block() {
	local s gpio func level code
	local -a fsel=(0 0 0)
	local lev=0
	for s in "$@"; do
		IFS=: read -r gpio func _ level <<< "$s"
		case $func in
		input) code=0 ;; output) code=1 ;; alt0) code=4 ;; alt1) code=5 ;;
		alt2) code=6 ;; alt3) code=7 ;; alt4) code=3 ;; alt5) code=2 ;;
		esac
		fsel[gpio / 10]=$((fsel[gpio / 10] | code << (gpio % 10 * 3)))
		[ "$level" = high ] && lev=$((lev | 1 << gpio))
	done
	poke "$DEV" 0x00 "${fsel[0]}"
	poke "$DEV" 0x04 "${fsel[1]}"
	poke "$DEV" 0x08 "${fsel[2]}"
	poke "$DEV" 0x34 "$lev"
}

BCM2837_PINS=(2:alt0:SDA1:high 3:alt0:SCL1:high 14:alt5:TXD1:low
	17:output:-:high 18:alt0:PCM_CLK:low 22:input:-:high
	26:alt3:SD1_DAT2:high 27:output:-:low)
bcm2837
revision 0xa02082	# Pi 3 Model B
bcm_block "${BCM2837_PINS[@]}"
check_pinout cli/pinout/bcm2837 "input - low" "${BCM2837_PINS[@]}"
if [ "$LAST_TITLE" = "Pi 3 Model B (revision 0xa02082), bcm2837: the 40-pin header (J8)" ]; then
	pass cli/pinout/bcm2837-board
else
	fail cli/pinout/bcm2837-board "first line '$LAST_TITLE'"
fi

BCM2711_PINS=(2:alt0:SDA1:low 14:alt0:TXD0:high 15:alt0:RXD0:high
	18:alt5:PWM0_0:high 21:output:-:high 26:alt1:-:low 9:alt4:RXD4:low)
bcm2711
revision 0xc03111	# Pi 4 Model B
bcm_block "${BCM2711_PINS[@]}"
check_pinout cli/pinout/bcm2711 "input - low" "${BCM2711_PINS[@]}"

# The RP1 (Pi 5), laid out as above: FUNCSEL in each pin's CTRL (bank 0:
# 8n + 4), SYS_RIO (5) an output when RIO OE has it, levels in SYNC_IN.
# Every header GPIO starts with no function (0x1f); then SPEC.
RP1_PINS=(2:alt3:SDA1:high 4:input:-:high 14:alt0:PWM0_CHAN2:low
	17:output:-:high 18:alt8:GPCLK1:low 27:no:-:high)
rp1
revision 0xc04170	# Pi 5
rp1_oe=0
rp1_in=0
for g in $(seq 0 27); do
	poke "$DEV" $((8 * g + 4)) 0x1f
done
for s in "${RP1_PINS[@]}"; do
	IFS=: read -r g func _ level <<< "$s"
	case $func in
	input) code=5 ;; output) code=5; rp1_oe=$((rp1_oe | 1 << g)) ;;
	no) code=0x1f ;; alt*) code=${func#alt} ;;
	esac
	poke "$DEV" $((8 * g + 4)) "$code"
	[ "$level" = high ] && rp1_in=$((rp1_in | 1 << g))
done
poke "$DEV" 0x10004 "$rp1_oe"
poke "$DEV" 0x1000c "$rp1_in"
check_pinout cli/pinout/rp1 "no - low" "${RP1_PINS[@]}"
if [ "$LAST_TITLE" = "Pi 5 (revision 0xc04170), rp1: the 40-pin header (J8)" ]; then
	pass cli/pinout/rp1-board
else
	fail cli/pinout/rp1-board "first line '$LAST_TITLE'"
fi

# pinout_refused NAME "MESSAGE": exit 1 (the words are right, the board is
# not), MESSAGE, no output, nothing written
pinout_refused() {
	cp "$DEV" "$WORK/before"
	pgr --devicetree "$HDT" pinout
	if [ $rc -ne 1 ]; then
		fail "$1" "exit $rc, expected 1: $(head -c 300 "$ERR")"
	elif ! grep -qF -- "pigpio-regs: $2" "$ERR"; then
		fail "$1" "stderr lacks '$2': $(head -c 300 "$ERR")"
	elif [ -s "$OUT" ]; then
		fail "$1" "printed '$(head -c 200 "$OUT")'"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$1" "the file changed"
	else
		pass "$1"
	fi
}
bcm2835
revision 0x000e		# Pi 1 Model B rev 2: 26 pins
pinout_refused cli/pinout/pi1-b-refused "pinout: this board (revision 0x00000e) is a Pi 1 Model B, whose 26-pin header is not the 40-pin header pinout shows"
revision 0xa020a0	# Compute Module 3: no header
pinout_refused cli/pinout/cm3-refused "pinout: this board (revision 0xa020a0) is a Compute Module 3, which has no 40-pin header"
revision 0xaff0f0	# type 0xff: not a board this version knows
pinout_refused cli/pinout/unknown-refused "pinout: this board's revision code 0xaff0f0 is not one this version knows"
revision ""		# QEMU's virt machine: no revision at all
pinout_refused cli/pinout/no-revision-refused "pinout: the device tree has no /system/linux,revision"
expect_usage cli/pinout/no-words "pinout takes no arguments (got '17')" --devicetree "$HDT" pinout 17
expect_usage cli/pinout/no-force "pinout does not take --force" --devicetree "$HDT" pinout --force
# Its help, two ways, and the verb list.
"$CLI" help pinout > "$WORK/help1" 2>&1
rc1=$?
"$CLI" pinout --help > "$WORK/help2" 2>&1
rc2=$?
"$CLI" --help > "$WORK/help3" 2>&1
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$WORK/help1" "$WORK/help2" &&
   head -n 1 "$WORK/help1" | grep -qx 'usage: pigpio-regs \[OPTIONS\] pinout' &&
   grep -q -- '--json' "$WORK/help1" && grep -q '40-pin header' "$WORK/help1" &&
   grep -q '^  pinout ' "$WORK/help3"; then
	pass cli/pinout/help
else
	fail cli/pinout/help "exit $rc1/$rc2: $(head -c 300 "$WORK/help1")"
fi

# --- ticks: the system timer node, read-only ----------------------------------
# A file standing for /dev/pigpio_timer: CLO 0x9abcdef0, CHI 0x12.
TIMER=$WORK/timer
head -c 28 /dev/zero > "$TIMER"
poke "$TIMER" 4 0x9abcdef0
poke "$TIMER" 8 0x12
cp "$TIMER" "$WORK/timer-before"
out=$("$CLI" --device "$TIMER" ticks 2>"$ERR")
rc=$?
if [ $rc -eq 0 ] && [ "$out" = $((0x129abcdef0)) ] && cmp -s "$TIMER" "$WORK/timer-before"; then
	pass cli/ticks/reads-chi-clo
else
	fail cli/ticks/reads-chi-clo "exit $rc, '$out', expected $((0x129abcdef0)): $(head -c 300 "$ERR")"
fi
out=$("$CLI" --device "$TIMER" ticks 2 2>"$ERR")
rc=$?
if [ $rc -eq 0 ] && [ "$(echo "$out" | wc -l)" = 2 ] && [ "$(echo "$out" | sort -u)" = $((0x129abcdef0)) ]; then
	pass cli/ticks/count-lines
else
	fail cli/ticks/count-lines "exit $rc, '$out': $(head -c 300 "$ERR")"
fi
"$CLI" --device "$WORK/no-such-timer" ticks >"$OUT" 2>"$ERR"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$OUT" ] && grep -q 'no timer node' "$ERR"; then
	pass cli/ticks/missing-node
else
	fail cli/ticks/missing-node "exit $rc: $(head -c 300 "$ERR")"
fi
head -c 24 /dev/zero > "$WORK/short-timer"
"$CLI" --device "$WORK/short-timer" ticks >"$OUT" 2>"$ERR"
rc=$?
if [ $rc -eq 1 ] && [ ! -s "$OUT" ]; then
	pass cli/ticks/short-file-refused
else
	fail cli/ticks/short-file-refused "exit $rc: $(head -c 300 "$ERR")"
fi
expect_usage cli/ticks/count-zero "count 0 out of range (expected 1-1000000)" ticks 0
expect_usage cli/ticks/two-words "ticks takes at most a COUNT (usage: ticks [COUNT])" ticks 1 2
expect_usage cli/ticks/no-json "ticks does not take --json" ticks --json
"$CLI" help ticks > "$WORK/help1" 2>&1
rc1=$?
"$CLI" ticks --help > "$WORK/help2" 2>&1
rc2=$?
"$CLI" --help > "$WORK/help3" 2>&1
if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$WORK/help1" "$WORK/help2" &&
   head -n 1 "$WORK/help1" | grep -qx 'usage: pigpio-regs \[OPTIONS\] ticks \[COUNT\]' &&
   grep -q 'pigpio_timer' "$WORK/help1" && grep -q '^  ticks ' "$WORK/help3"; then
	pass cli/ticks/help
else
	fail cli/ticks/help "exit $rc1/$rc2: $(head -c 300 "$WORK/help1")"
fi

[ $failed -eq 0 ]
