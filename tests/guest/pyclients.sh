# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: Debian's unmodified python3-rpi.gpio and python3-gpiozero
# (its native pin factory) drive a pin as alice through /dev/gpiomem, the
# link the optional udev rule makes to /dev/pigpio_gpiomem. Both libraries
# find the board from /proc/device-tree/system/linux,revision, which the
# real firmware adds and boards.tsv adds with fdtput. gpio_client.py runs
# one step per line; after each one the kernel pinctrl driver's own view of
# the pin (it reads the registers itself, not through any mapping) must agree.
rev=$(od -An -tx1 /proc/device-tree/system/linux,revision 2>/dev/null | tr -d ' \n')
check "device tree has /system/linux,revision ($rev)" "absent" test -n "$rev"

for lib in rpigpio gpiozero; do
	rm -f /tmp/py.in /tmp/py.out
	mkfifo /tmp/py.in /tmp/py.out
	as_alice env GPIOZERO_PIN_FACTORY=native \
		python3 /pigpio/gpio_client.py $lib "$PIN" </tmp/py.in >/tmp/py.out 2>/tmp/py.err &
	client=$!
	exec 4>/tmp/py.in 5</tmp/py.out
	reply=$(client_step hello)
	say "$lib as alice: $reply"
	check "$lib: starts as alice on /dev/gpiomem" "$reply; $(tail -n 3 /tmp/py.err)" \
		sh -c "echo \"\$1\" | grep -q '^ready '" - "$reply"
	reply=$(client_step output)
	check "$lib: output -> pinctrl sees gpio_out" "$reply; $(pin_line "$PIN")" \
		test "$reply/$(pin_function "$PIN")" = ok/gpio_out
	for level in hi lo hi lo; do
		if [ $level = hi ]; then reply=$(client_step high); else reply=$(client_step low); fi
		check "$lib: drive $level -> pinctrl sees $level" "$reply; $(pin_line "$PIN")" \
			test "$reply/$(pin_level "$PIN")" = "ok/$level"
	done
	# Read back as input once after each level, against pinctrl's reading.
	for level in hi lo; do
		reply=$(client_step output)
		if [ $level = hi ]; then reply=$(client_step high); else reply=$(client_step low); fi
		reply=$(client_step input)
		seen=$(pin_level "$PIN")
		want=0
		[ "$seen" = hi ] && want=1
		check "$lib: input after driving $level reads $reply, pinctrl: gpio_in $seen" \
			"$reply; $(pin_line "$PIN")" \
			test "$reply/$(pin_function "$PIN")/$seen" = "$want/gpio_in/$level"
	done
	reply=$(client_step quit)
	exec 4>&- 5<&-
	wait $client
	status=$?
	check "$lib: releases the pin and exits 0" "$reply, exit $status; $(tail -n 3 /tmp/py.err)" \
		test "$reply/$status" = bye/0
done

# Not in group gpio: the libraries are refused, and no pin changes.
before=$(pin_line "$PIN")
out=$(cd /tmp && as_bob python3 -c 'import RPi.GPIO as G; G.setmode(G.BCM); G.setup(17, G.OUT)' 2>&1)
status=$?
check "bob: RPi.GPIO refused (no access), pin unchanged" "exit $status: $(echo "$out" | tail -n 1)" \
	test "$status" != 0 -a "$(pin_line "$PIN")" = "$before"
# From /tmp: "python3 -c" puts the working directory first on sys.path,
# and in / the suite's own /pigpio directory would be found as a namespace
# package "pigpio" by gpiozero's import of the pigpio library (an
# AttributeError at import, not the refusal this checks).
out=$(cd /tmp && as_bob env GPIOZERO_PIN_FACTORY=native python3 -c 'import gpiozero; gpiozero.LED(17).on()' 2>&1)
status=$?
check "bob: gpiozero native refused (PermissionError), pin unchanged" "exit $status: $(echo "$out" | tail -n 2)" \
	sh -c "test $status != 0 && echo \"\$1\" | grep -q '^PermissionError: ' && test \"\$2\" = \"\$3\"" \
	- "$out" "$before" "$(pin_line "$PIN")"
rm -f /tmp/py.in /tmp/py.out
