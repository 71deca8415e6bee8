# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: WiringPi's own setup sequence through /dev/gpiomem (the
# link to /dev/pigpio_gpiomem), repeated call for call by wiringpi_seq as
# alice: /dev/mem refused (EACCES on Debian's kernels, ENOENT on the debug
# kernel, which has none: WiringPi falls back on either), five mappings at WiringPi's offsets, its two timer writes, then
# pinMode/digitalWrite/digitalRead through the GPIO mapping. Each pin change
# is checked against the kernel pinctrl driver's own view, as for the
# Python clients (pyclients.sh).
rm -f /tmp/py.in /tmp/py.out
mkfifo /tmp/py.in /tmp/py.out
as_alice wiringpi_seq "$PIN" </tmp/py.in >/tmp/py.out 2>/tmp/py.err &
client=$!
exec 4>/tmp/py.in 5</tmp/py.out
reply=$(client_step hello)
say "wiringpi_seq as alice: $reply"
check "WiringPi sequence: /dev/mem refused, 5 mappings of /dev/gpiomem, timer writes leave the GPIO block" \
	"$reply; $(tail -n 3 /tmp/py.err)" \
	sh -c "echo \"\$1\" | grep -Eq '^ready /dev/mem E[A-Z]+, 5 mappings, timer writes left the GPIO block.*gpio GPLEV0 is the block.s'" - "$reply"
reply=$(client_step output)
check "WiringPi sequence: pinMode OUTPUT -> pinctrl sees gpio_out" "$reply; $(pin_line "$PIN")" \
	test "$reply/$(pin_function "$PIN")" = ok/gpio_out
for level in hi lo hi lo; do
	if [ $level = hi ]; then reply=$(client_step high); else reply=$(client_step low); fi
	check "WiringPi sequence: digitalWrite $level -> pinctrl sees $level" "$reply; $(pin_line "$PIN")" \
		test "$reply/$(pin_level "$PIN")" = "ok/$level"
	reply=$(client_step read)
	want=0
	[ $level = hi ] && want=1
	check "WiringPi sequence: digitalRead gives $want, as pinctrl reads" "$reply; $(pin_line "$PIN")" \
		test "$reply" = "$want"
done
reply=$(client_step input)
check "WiringPi sequence: pinMode INPUT -> pinctrl sees gpio_in" "$reply; $(pin_line "$PIN")" \
	test "$reply/$(pin_function "$PIN")" = ok/gpio_in
reply=$(client_step quit)
exec 4>&- 5<&-
wait $client
status=$?
check "WiringPi sequence: exits 0" "exit $status, $reply" test "$status/$reply" = 0/bye

before=$(pin_line "$PIN")
out=$(printf 'hello\noutput\nhigh\nquit\n' | as_bob wiringpi_seq "$PIN" 2>&1 | head -n 1)
check "bob: WiringPi sequence refused at /dev/gpiomem, pin unchanged" "$out" \
	test "$out/$(pin_line "$PIN")" = "error /dev/gpiomem: EACCES/$before"
rm -f /tmp/py.in /tmp/py.out
