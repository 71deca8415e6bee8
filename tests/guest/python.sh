# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: this project's Python package as Debian packages it
# (python3-pigpio-regs, installed by the guest's dpkg at boot: init.sh;
# check_python_package) as alice, with Debian's own python3 and gpiozero:
#   1. the package's own unit tests (simulated register blocks, as on the host);
#   2. the module on the real device: each change seen by the kernel's
#      pinctrl view, and bob refused with PermissionError;
#   3. unmodified gpiozero devices with GPIOZERO_PIN_FACTORY=pigpio_regs
#      (found through the entry point): LED, OutputDevice, PWMLED,
#      DigitalInputDevice and Button, each step checked against pinctrl;
#   4. edge events through the GPIO character device: refused with the
#      reason while alice may not open /dev/gpiochipN, requested and
#      released once the optional udev rule gives group gpio that access;
#   5. the benchmark, every way side by side (figures only, not gated).
PYPIN=$PIN
PYTESTS=/pigpio/python-tests
check_python_package

# --- 1. the package's own tests
if [ -d $PYTESTS ]; then
	# test_build needs the source tree; the others run anywhere.
	out=$(cd $PYTESTS && as_alice env TMPDIR=/tmp python3 runner.py test_chip test_chardev test_factory 2>&1)
	status=$?
	echo "$out" | sed -n 's/^\(PASS\|FAIL\) \(.*\)/PGR-TEST \1 python unit: \2/p'
	say "python unit: $(echo "$out" | tail -n 1)"
	check "python: the package's own tests pass as alice (exit $status)" \
		"$(echo "$out" | grep -A 3 '^FAIL' | head -n 8)" test "$status" = 0
else
	fail "python: the package's own tests pass as alice" "no $PYTESTS in the guest"
fi

# --- 2. the module on the device
out=$(as_alice sh -c "python3 -c 'import pigpio_regs as p
with p.Chip() as c:
    print(c.soc, c.pin_count, hex(c.phys_base), c.config_path)'" 2>&1)
check "python: Chip() as alice describes the block ($out)" "$out" \
	test "$out" = "$EXPECT_SOC $EXPECT_NGPIO $(printf '0x%x' "$EXPECT_PHYS") driver"
rm -f /tmp/py.in /tmp/py.out
mkfifo /tmp/py.in /tmp/py.out
# A step client on the module: "f FUNC", "h", "l", "r", "q".
as_alice python3 -c "
import sys, pigpio_regs as p
c = p.Chip(); line = c.line($PYPIN)
for s in sys.stdin:
    s = s.split()
    try:
        if s[0] == 'f': c.set_function($PYPIN, s[1]); r = c.get_function($PYPIN)
        elif s[0] == 'h': line.high(); r = 'ok'
        elif s[0] == 'l': line.low(); r = 'ok'
        elif s[0] == 'r': r = str(line.read())
        else: c.close(); print('bye', flush=True); break
    except Exception as e: r = 'error %s: %s' % (type(e).__name__, e)
    print(r, flush=True)
" </tmp/py.in >/tmp/py.out 2>/tmp/py.err &
client=$!
exec 4>/tmp/py.in 5</tmp/py.out
reply=$(client_step "f output")
check "python: set_function(output) -> $reply, pinctrl: $(pin_function "$PYPIN")" \
	"$reply; $(pin_line "$PYPIN"); $(tail -n 2 /tmp/py.err)" \
	test "$reply/$(pin_function "$PYPIN")" = output/gpio_out
for level in hi lo hi lo; do
	if [ $level = hi ]; then reply=$(client_step h); else reply=$(client_step l); fi
	back=$(client_step r)
	check "python: Line.$level() -> pinctrl sees $level, read() $back" "$reply; $(pin_line "$PYPIN")" \
		test "$reply/$(pin_level "$PYPIN")/$back" = "ok/$level/$([ $level = hi ] && echo 1 || echo 0)"
done
reply=$(client_step "f input")
check "python: set_function(input) -> pinctrl sees gpio_in" "$reply; $(pin_line "$PYPIN")" \
	test "$reply/$(pin_function "$PYPIN")" = input/gpio_in
reply=$(client_step q)
exec 4>&- 5<&-
wait $client
check "python: the step client closes and exits 0 ($reply)" "$(tail -n 3 /tmp/py.err)" \
	test "$reply/$?" = bye/0
before=$(pin_line "$PYPIN")
# From /tmp, as in pyclients.sh: not /, whose /pigpio directory python3 -c
# would offer as a namespace package "pigpio".
out=$(cd /tmp && as_bob python3 -c 'import pigpio_regs as p, errno
try:
    p.Chip()
except PermissionError as e:
    print("refused", e.errno == errno.EACCES, e)' 2>&1)
after=$(pin_line "$PYPIN")
check "python: bob gets PermissionError (EACCES) naming the node, pin unchanged" "$out; $after" \
	sh -c "echo \"\$1\" | grep -q '^refused True .*/dev/pigpio_regs' && test \"\$2\" = \"\$3\"" \
	- "$out" "$before" "$after"

# --- 3. unmodified gpiozero with the factory, found by its entry point
gz_start() { # WHO: start gz_devices.py as WHO on fds 4/5
	rm -f /tmp/gz.in /tmp/gz.out
	mkfifo /tmp/gz.in /tmp/gz.out
	"$1" env GPIOZERO_PIN_FACTORY=pigpio_regs python3 /pigpio/gz_devices.py "$PYPIN" \
		</tmp/gz.in >/tmp/gz.out 2>/tmp/gz.err &
	gz=$!
	exec 4>/tmp/gz.in 5</tmp/gz.out
}
gz_stop() {
	reply=$(client_step quit)
	exec 4>&- 5<&-
	wait $gz
	check "gpiozero: the client releases its devices and exits 0 ($1)" \
		"$reply, exit $?; $(tail -n 3 /tmp/gz.err)" test "$reply/$?" = bye/0
}
# seen_both: pinctrl's view of the pin is read again and again, by one awk
# process, until it has shown both hi and lo (the PWM thread runs at
# 100 Hz), or 20000 reads: a bound on work, not a timing sample.
seen_both() {
	awk -v f="$(pins_file)" -v pin="$PYPIN" 'BEGIN {
		want = "^pin " pin " \\(gpio" pin "\\) "
		for (n = 1; n <= 20000 && !(hi && lo); n++) {
			while ((getline line < f) > 0)
				if (line ~ want) {
					if (line ~ / in hi;/) hi = 1
					if (line ~ / in lo;/) lo = 1
				}
			close(f)
		}
		printf "%d%d after %d reads\n", hi, lo, n - 1
		exit !(hi && lo)
	}'
}
gz_start as_alice
reply=$(client_step "led on")
check "gpiozero LED.on() as alice, factory by entry point ($reply) -> pinctrl gpio_out hi" \
	"$reply; $(pin_line "$PYPIN"); $(tail -n 3 /tmp/gz.err)" \
	test "$reply/$(pin_function "$PYPIN")/$(pin_level "$PYPIN")" = "ok PigpioRegsFactory/gpio_out/hi"
reply=$(client_step "led off")
check "gpiozero LED.off() -> pinctrl lo" "$reply; $(pin_line "$PYPIN")" \
	test "$reply/$(pin_level "$PYPIN")" = ok/lo
for what in on off on off; do
	reply=$(client_step "out $what")
	want=lo
	[ $what = on ] && want=hi
	check "gpiozero OutputDevice.$what() -> pinctrl $want" "$reply; $(pin_line "$PYPIN")" \
		test "$reply/$(pin_function "$PYPIN")/$(pin_level "$PYPIN")" = "ok/gpio_out/$want"
done
reply=$(client_step "pwm 1")
check "gpiozero PWMLED.value = 1 -> pinctrl steady hi" "$reply; $(pin_line "$PYPIN")" \
	test "$reply/$(pin_level "$PYPIN")" = ok/hi
reply=$(client_step "pwm 0.5")
seen=$(seen_both)
check "gpiozero PWMLED.value = 0.5 (software PWM) -> pinctrl sees hi and lo ($seen)" \
	"$reply; $seen" sh -c "test '$reply' = ok && echo '$seen' | grep -q '^11 '"
reply=$(client_step "pwm 0")
check "gpiozero PWMLED.value = 0 -> pinctrl steady lo" "$reply; $(pin_line "$PYPIN")" \
	test "$reply/$(pin_level "$PYPIN")/$(pin_level "$PYPIN")" = ok/lo/lo
reply=$(client_step close)

# --- 4. input devices need edge events: the GPIO character device
# The SoC's GPIO chip, as gpiodetect names it (libgpiod's own tool).
chip=$(gpiodetect 2>/dev/null | sed -n 's/^\(gpiochip[0-9]*\) \[pinctrl-\(bcm2835\|bcm2711\|rp1\)\].*/\1/p' | head -n 1)
# requested: the kernel's list of requested lines names our consumer.
requested() { grep -c '|pigpio_regs *)' /sys/kernel/debug/gpio 2>/dev/null; }
say "gpiozero: the SoC's GPIO chip is ${chip:-none}, /dev/${chip:-?} is $(stat -c '%U:%G %a' "/dev/$chip" 2>&1)"
# The pin is driven high, then read back as an input: QEMU keeps the level.
client_step "out on" >/dev/null
reply=$(client_step "din")
check "gpiozero DigitalInputDevice without access to /dev/$chip: refused saying why" \
	"$reply" sh -c "echo \"\$1\" | grep -q '^error PinEdgeDetectUnsupported: .*gpiochip'" - "$reply"
gz_stop "no chip access"

# The optional rule (scripts/udev/62-pigpio-gpiochip.rules), as an
# administrator installs it: group gpio may open /dev/gpiochipN.
cp /pigpio/62-pigpio-gpiochip.rules /etc/udev/rules.d/
udevadm control --reload
udevadm trigger --action=change --subsystem-match=gpio
udevadm settle --timeout=60
check "optional rule: /dev/$chip is root:gpio 660" "$(stat -c '%U:%G %a' "/dev/$chip" 2>&1)" \
	test "$(gpio_node_mode "/dev/$chip")" = "root:gpio 660"
gz_start as_alice
client_step "out on" >/dev/null
reply=$(client_step "din")
used=$(requested)
check "gpiozero DigitalInputDevice with access: value $reply, pinctrl gpio_in hi, $used line requested by pigpio_regs" \
	"$reply; $(pin_line "$PYPIN"); $(grep pigpio_regs /sys/kernel/debug/gpio)" \
	test "$reply/$(pin_function "$PYPIN")/$(pin_level "$PYPIN")/$used" = 1/gpio_in/hi/1
reply=$(client_step close)
used=$(requested)
check "gpiozero: closing the device releases the line ($used requested)" \
	"$(grep pigpio_regs /sys/kernel/debug/gpio)" test "$reply/$used" = ok/0
client_step "out off" >/dev/null
reply=$(client_step "button")
check "gpiozero Button after driving lo: is_pressed $reply, pinctrl gpio_in lo" \
	"$reply; $(pin_line "$PYPIN")" test "$reply/$(pin_function "$PYPIN")/$(pin_level "$PYPIN")" = 0/gpio_in/lo
say "gpiozero: QEMU drives no input pin, so no edge arrives: request and release are tested, delivery is not"
gz_stop "with chip access"
rm -f /etc/udev/rules.d/62-pigpio-gpiochip.rules
udevadm control --reload
udevadm trigger --action=change --subsystem-match=gpio
udevadm settle --timeout=60

before=$(pin_line "$PYPIN")
out=$(cd /tmp && as_bob env GPIOZERO_PIN_FACTORY=pigpio_regs python3 -c 'import gpiozero; gpiozero.LED(17).on()' 2>&1)
status=$?
why=$(echo "$out" | grep -m 1 'Error')
check "gpiozero with the factory as bob: refused, pin unchanged ($why)" \
	"exit $status: $(echo "$out" | tail -n 12 | tr '\n' '|')" \
	sh -c "test $status != 0 && echo \"\$1\" | grep -q '^PermissionError: \[Errno 13\] cannot open /dev/pigpio_regs' && test \"\$2\" = \"\$3\"" \
	- "$out" "$before" "$(pin_line "$PYPIN")"

# --- 5. toggles per second from Python, side by side in this boot
out=$(as_alice python3 /pigpio/py_bench.py "$PYPIN" 2>&1)
status=$?
echo "$out" | sed 's/^/PGR-SAY /'
check "python benchmark: every way ran (exit $status)" "$(echo "$out" | grep error)" \
	test "$status" = 0
check "python benchmark: the pin is left an input, as found" "$(pin_line "$PYPIN")" \
	test "$(pin_function "$PYPIN")" = gpio_in
rm -f /tmp/py.in /tmp/py.out /tmp/gz.in /tmp/gz.out
