# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh, run first: the project's Debian packages, which the
# guest's own dpkg installed at boot (scripts/guest/init.sh), loaded the
# module at boot through Debian's systemd-modules-load, as on an installed
# system: the module from the board kernel's module package, the node's
# owner and mode from pigpio-regs-common's udev rule, and alice's CLI and
# library from pigpio-regs and libpigpioregs1. The suite then unloads it
# and loads its own copy to test loading itself.
# owner PATH: the package dpkg says PATH is from. dpkg knows the path the
# package ships, which may differ from PATH by the merged-/usr links:
# modinfo says /lib/modules on Debian 13, whose packages ship
# /usr/lib/modules; the dynamic loader finds libraries in /lib/TRIPLET,
# packaged as /usr/lib/TRIPLET.
owner() {
	{ dpkg -S "$1" || dpkg -S "$(readlink -f "$1")"; } 2>/dev/null | cut -d: -f1
}
if [ "${EXPECT_BOOT_LOAD:-no}" = yes ]; then
	check_packages
	st=$(cat /run/pgr-modules-load.status 2>/dev/null)
	check "boot: systemd-modules-load ran without error" \
		"status $st: $(cat /run/pgr-modules-load.log 2>/dev/null)" test "$st" = 0
	# Nothing lists the module: udev loaded it from the GPIO node's
	# platform device, whose modalias resolves to it.
	check "boot: no modules-load.d entry names pigpio_regs" "$(load_entries)" \
		test -z "$(load_entries)"
	devs=$(alias_devices)
	check "boot: udev loaded pigpio_regs for the GPIO node's device ($devs)" \
		"devices: '$devs', /sys/module/pigpio_regs: $(ls -d /sys/module/pigpio_regs 2>&1)" \
		sh -c "test -n '$devs' && test -d /sys/module/pigpio_regs"
	path=$(modinfo -n pigpio_regs 2>&1)
	owner=$(owner "$path")
	check "boot: modprobe finds it in updates/, from package pigpio-regs-modules-$(uname -r)" \
		"$path from '$owner'" \
		sh -c "case '$path' in */modules/$(uname -r)/updates/pigpio_regs.ko) test '$owner' = 'pigpio-regs-modules-$(uname -r)' ;; *) false ;; esac"
	rule=/lib/udev/rules.d/60-pigpio-regs.rules
	check "boot: $rule is pigpio-regs-common's" "owner: '$(owner $rule)'" \
		test "$(owner $rule)" = pigpio-regs-common
	udev_settled
	check "boot: the packaged rule made /dev/pigpio_regs root:gpio 0660" \
		"$(ls -l /dev/pigpio_regs 2>&1)" \
		test "$(gpio_node_mode /dev/pigpio_regs)" = "root:gpio 660"
	cli=$(as_alice sh -c 'command -v pigpio-regs')
	# The file the dynamic loader maps.
	lib=$(LD_TRACE_LOADED_OBJECTS=1 "$cli" 2>&1 | sed -n 's/^[[:space:]]*libpigpioregs\.so\.1 => \([^ ]*\) .*/\1/p')
	check "boot: alice's pigpio-regs is package pigpio-regs', linked with libpigpioregs1's library" \
		"$cli from '$(owner "$cli")', libpigpioregs.so.1 => '$lib' from '$(owner "$lib")'" \
		sh -c "test '$(owner "$cli")' = pigpio-regs && test '$(owner "$lib")' = libpigpioregs1"
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
