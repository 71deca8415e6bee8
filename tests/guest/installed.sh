# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh, run first: the layout the project's `make install` made
# (module in /lib/modules/<release>/extra with its depmod index, the udev
# rules, /usr/lib/modules-load.d/pigpio_regs.conf) loaded the module at boot
# through Debian's systemd-modules-load, as on an installed system. The
# suite then unloads it and loads its own copy to test loading itself.
if [ "${EXPECT_BOOT_LOAD:-no}" = yes ]; then
	st=$(cat /run/pgr-modules-load.status 2>/dev/null)
	check "boot: systemd-modules-load ran without error" \
		"status $st: $(cat /run/pgr-modules-load.log 2>/dev/null)" test "$st" = 0
	check "boot: pigpio_regs was loaded from modules-load.d" "not loaded" \
		test -d /sys/module/pigpio_regs
	path=$(modinfo -n pigpio_regs 2>&1)
	case $path in
	*/modules/"$(uname -r)"/extra/pigpio_regs.ko) found=yes ;;
	*) found=no ;;
	esac
	check "boot: modprobe finds it in the release's extra/ (depmod ran)" "$path" test $found = yes
	udev_settled
	check "boot: the installed rule made /dev/pigpio_regs root:gpio 0660" \
		"$(ls -l /dev/pigpio_regs 2>&1)" \
		test "$(gpio_node_mode /dev/pigpio_regs)" = "root:gpio 660"
	out=$(as_alice pigpio-regs get 17 2>&1)
	check "boot: alice reads GPIO 17 through the boot-loaded module" "$out" \
		sh -c "echo \"\$1\" | grep -q '^GPIO17 '" - "$out"
	check "boot: the boot-loaded module unloads (the suite loads its own next)" \
		"rmmod failed" rmmod pigpio_regs
	# Let udev finish the remove events before the suite's own load.
	udev_settled
else
	say "no boot-time load expected on $(uname -r): no module installed for it"
fi
