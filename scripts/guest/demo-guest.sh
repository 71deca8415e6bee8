#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The demo, inside the emulated board: the module was loaded at boot and
# udev applied the rule; alice (in group gpio, not root) drives GPIO 17
# through /dev/pigpio_regs, each step confirmed by the kernel's own pinctrl
# driver.
. /pigpio/lib.sh
PIN=17

show() { say "  kernel pinctrl says: $(pin_line $PIN)"; }
run_as_alice() {
	say "alice\$ $*"
	as_alice "$@" 2>&1 | while IFS= read -r line; do say "  $line"; done
}

if [ -d /sys/module/pigpio_regs ]; then
	say "(loaded at boot by udev, from the GPIO node's modalias)"
else
	say "root# modprobe pigpio_regs"
	modprobe pigpio_regs || exit 1
fi
udevadm settle
say "  $(dmesg | grep pigpio_regs | tail -n 1 | sed 's/^\[[ 0-9.]*\] //')"
say "root# ls -l /dev/pigpio_regs"
say "  $(ls -l /dev/pigpio_regs)"
say "alice is: $(as_alice id)"
run_as_alice pigpio-regs info
run_as_alice pigpio-regs set $PIN op
show
run_as_alice pigpio-regs set $PIN dh
show
run_as_alice pigpio-regs get $PIN
run_as_alice pigpio-regs set $PIN dl
show
run_as_alice pigpio-regs blink $PIN 3 200
show
say "bob is: $(as_bob id)"
run_as_bob() {
	say "bob\$ $*"
	as_bob "$@" 2>&1 | while IFS= read -r line; do say "  $line"; done
}
run_as_bob pigpio-regs set $PIN dh
show
