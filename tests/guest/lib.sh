# SPDX-License-Identifier: GPL-2.0-only
# Helpers for the jobs that run inside the emulated board. Sourced.
# shellcheck shell=sh
. /pigpio/board.env
export PATH="/pigpio/bin:$PATH"

# A line for the host to show, and a result line for the host to count.
say() { echo "PGR-SAY $*"; }
pass() { echo "PGR-TEST PASS $1"; }
fail() { echo "PGR-TEST FAIL $1: $2"; }
# check NAME WHY COMMAND...: pass when COMMAND succeeds.
check() {
	_name=$1 _why=$2
	shift 2
	if "$@"; then pass "$_name"; else fail "$_name" "$_why"; fi
}

# gpio_node_mode NODE: NODE's "owner:group mode" once udev applied the rule.
# udevadm settle can return before udevd has read a uevent the kernel has
# just sent (it then sees an empty queue), so wait up to 30 s for the
# rule's result, then say what the node is.
gpio_node_mode() {
	_i=0
	while [ "$(stat -c '%U:%G %a' "$1" 2>&1)" != "root:gpio 660" ] && [ $_i -lt 300 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	stat -c '%U:%G %a' "$1" 2>&1
}

# udev_settled: after loading or unloading, wait for udev: its queue, and
# while the module is loaded the rule's result on the node (see above).
udev_settled() {
	udevadm settle --timeout=60
	if [ -d /sys/module/pigpio_regs ] && [ -e /dev/pigpio_regs ]; then
		gpio_node_mode /dev/pigpio_regs >/dev/null
	fi
}

# alias_devices: the platform devices whose modalias modprobe resolves to
# pigpio_regs, as udev's "kmod load" does on their add event: the GPIO
# node's, if the kernel made one for it. One "path modalias" line each.
alias_devices() {
	for _d in /sys/bus/platform/devices/*; do
		_m=$(cat "$_d/modalias" 2>/dev/null) || continue
		if modprobe -R "$_m" 2>/dev/null | grep -qx pigpio_regs; then
			echo "${_d##*/} $_m"
		fi
	done
}
# load_entries: the modules-load.d files that name pigpio_regs.
load_entries() {
	grep -lsx pigpio_regs /etc/modules-load.d/*.conf /run/modules-load.d/*.conf \
		/usr/lib/modules-load.d/*.conf /lib/modules-load.d/*.conf 2>/dev/null
}

# wait_for FILE TEXT: up to 20 s for TEXT to appear in FILE.
wait_for() {
	_i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $_i -lt 200 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep -q "$2" "$1" 2>/dev/null
}

# client_step STEP: send STEP to a step-by-step client (fd 4 its input,
# fd 5 its output) and print its one-line answer.
client_step() {
	echo "$1" >&4 2>/dev/null
	# shellcheck disable=SC3045 # busybox ash has read -t
	read -r -t 300 _answer <&5 || _answer="(no answer to $1)"
	echo "$_answer"
}

# gpio_line_names: the device tree's gpio-line-names of the SoC's GPIO node,
# one a line (line n on line n + 1); nothing where it names none.
gpio_line_names() {
	find /proc/device-tree/ -name gpio-line-names 2>/dev/null | while read -r _f; do
		if tr '\0' '\n' <"${_f%/gpio-line-names}/compatible" |
			grep -qxE 'brcm,bcm2835-gpio|brcm,bcm2711-gpio|raspberrypi,rp1-gpio'; then
			tr '\0' '\n' <"$_f"
			break
		fi
	done
}

# Run a command as alice (in group gpio) or bob (not), with their groups.
as_alice() { setpriv --reuid=alice --regid=alice --init-groups -- "$@"; }
as_bob() { setpriv --reuid=bob --regid=bob --init-groups -- "$@"; }

# The kernel pinctrl driver's own view of a pin, read from the hardware
# registers (GPFSEL/GPLEV) by that driver, not through our mapping:
#   pin 17 (gpio17) function gpio_out in hi; irq 0 (none)
# Its debugfs directory is named after the block and the driver's variant,
# e.g. 3f200000.gpio-pinctrl-bcm2835; boards.tsv's pinctrl column says which.
pins_file() {
	if [ -n "${EXPECT_PINCTRL:-}" ]; then
		echo "/sys/kernel/debug/pinctrl/$EXPECT_PINCTRL/pins"
	else
		set -- /sys/kernel/debug/pinctrl/*gpio*/pins
		echo "$1"
	fi
}
pin_line() { grep "^pin $1 (gpio$1) " "$(pins_file)"; }
pin_function() { pin_line "$1" | sed -n 's/.* function \([a-z_0-9]*\) .*/\1/p'; }
pin_level() { pin_line "$1" | sed -n 's/.* in \(hi\|lo\);.*/\1/p'; }

# check_python_package: alice's pigpio_regs is python3-pigpio-regs' (from
# /usr/lib/python3/dist-packages), its extension linked with libpigpioregs1's
# library (the file the process maps), and the gpiozero factory registered
# by its entry point.
check_python_package() {
	# shellcheck disable=SC2016 # python code
	pyout=$(cd /tmp && as_alice python3 -c '
import pigpio_regs._pigpio_regs as e
from importlib.metadata import entry_points
ep = [x.value for x in entry_points(group="gpiozero_pin_factories") if x.name == "pigpio_regs"]
lib = [l.split()[-1] for l in open("/proc/self/maps") if "libpigpioregs" in l]
print(e.__file__, lib[0] if lib else "none", ep[0] if ep else "none")' 2>&1)
	ext=$(echo "$pyout" | cut -d' ' -f1)
	lib=$(echo "$pyout" | cut -d' ' -f2)
	ep=$(echo "$pyout" | cut -d' ' -f3)
	pkg=$({ dpkg -S "$ext" || dpkg -S "$(readlink -f "$ext")"; } 2>/dev/null | cut -d: -f1)
	libpkg=$({ dpkg -S "$lib" || dpkg -S "$(readlink -f "$lib")"; } 2>/dev/null | cut -d: -f1)
	check "python: alice's pigpio_regs is python3-pigpio-regs', linked with libpigpioregs1's library, factory registered" \
		"$pyout from '$pkg', libpigpioregs.so.1 => '$lib' from '$libpkg'" \
		sh -c "test '$pkg' = python3-pigpio-regs && test '$libpkg' = libpigpioregs1 &&
			test '$ep' = pigpio_regs.gpiozero_factory:PigpioRegsFactory"
}

# check_packages: init.sh's dpkg -i of the project's packages (/pigpio/debs)
# succeeded and left each one installed at its version ("ii"), and
# pigpio-regs-common's postinst made gpio a system group.
check_packages() {
	st=$(cat /run/pgr-dpkg.status 2>/dev/null)
	check "dpkg -i of the packages exited 0" "status $st: $(tail -n 5 /run/pgr-dpkg.log 2>/dev/null | tr '\n' ' ')" \
		test "$st" = 0
	for deb in /pigpio/debs/*.deb; do
		p=$(dpkg-deb -f "$deb" Package)
		v=$(dpkg-deb -f "$deb" Version)
		s=$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$p" 2>&1)
		check "dpkg: $p is installed at $v" "dpkg-query: $s" test "$s" = "ii $v"
	done
	gid=$(sed -n 's/^gpio:x:\([0-9]*\):.*/\1/p' /etc/group)
	check "pigpio-regs-common's postinst made gpio a system group (GID $gid), alice joined it" \
		"$(grep '^gpio:' /etc/group)" \
		sh -c "[ -n '$gid' ] && [ '$gid' -lt 1000 ] && id -nG alice | grep -qw gpio"
}
