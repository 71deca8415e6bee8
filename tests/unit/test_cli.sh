#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# pigpio-regs end to end against a simulated device: a 4096-byte file as
# the register window and a directory of attribute files as sysfs.
# Effects are read back from the file's bytes with od; every rejected
# command must leave the file byte-identical.
#
# usage: test_cli.sh PATH/TO/pigpio-regs
# Prints "PASS name" / "FAIL name: why" / "SKIP name: why" lines; exits 1
# if any test failed. Assumes a little-endian host (as every Pi is).

set -u

CLI=$(realpath "${1:?usage: $0 PATH/TO/pigpio-regs}")
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

# expect_usage NAME "MESSAGE" ARGS...: exit 2, MESSAGE on stderr,
# file untouched
expect_usage() {
	local name=$1 msg=$2
	shift 2
	cp "$DEV" "$WORK/before"
	pgr "$@"
	if [ $rc -ne 2 ]; then
		fail "$name" "exit $rc, expected 2"
	elif ! grep -qF -- "pigpio-regs: $msg" "$ERR"; then
		fail "$name" "stderr lacks 'pigpio-regs: $msg': $(head -c 300 "$ERR")"
	elif ! cmp -s "$DEV" "$WORK/before"; then
		fail "$name" "the file changed"
	else
		pass "$name"
	fi
}

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
if [ $rc -eq 0 ] && [ "$(cat "$OUT")" = "pigpio-regs 0.1.0" ]; then
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
elif [ "$(wc -l < "$OUT")" -ne 7 ]; then
	fail cli/info "$(wc -l < "$OUT") lines"
else
	pass cli/info
fi

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
expect_usage cli/bad/pin-word "invalid pin 'abc'" set abc op
expect_usage cli/bad/pin-negative "invalid pin '-1'" set -1 op
expect_usage cli/bad/op-unknown "set: unknown op 'xx' (expected op, ip, dh, dl, a0-a5)" set 17 op xx
expect_usage cli/bad/op-before-valid "set: unknown op 'zz'" set 17 zz dh
expect_usage cli/bad/op-conflict "set: more than one function op ('a0' after 'op')" set 17 op a0
expect_usage cli/bad/set-no-op "set takes a PIN and at least one op" set 17
expect_usage cli/bad/get-extra "get takes one PIN" get 17 18
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

[ $failed -eq 0 ]
