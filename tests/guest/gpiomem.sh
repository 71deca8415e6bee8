# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Part of suite.sh: the gpiomem-compatible node and its optional link.
check "udev rule: pigpio_gpiomem is root:gpio 0660" "$(ls -l /dev/pigpio_gpiomem 2>&1)" \
	test "$(gpio_node_mode /dev/pigpio_gpiomem)" = "root:gpio 660"
check "symlink rule: /dev/gpiomem -> pigpio_gpiomem (no gpiomem of its own)" \
	"$(ls -l /dev/gpiomem 2>&1)" test "$(readlink /dev/gpiomem)" = pigpio_gpiomem
for node in /dev/pigpio_gpiomem /dev/gpiomem; do
	as_alice gpiomem_contract $node >/tmp/gpiomem.out 2>&1
	sed 's/^/PGR-TEST /' /tmp/gpiomem.out | grep -E '^PGR-TEST (PASS|FAIL) '
	check "gpiomem contract on $node ran to the end" "$(tail -n 2 /tmp/gpiomem.out)" \
		grep -q 'read() is not offered' /tmp/gpiomem.out
done
out=$(as_bob gpiomem_contract 2>&1 | head -n 1)
check "bob: /dev/pigpio_gpiomem open gives EACCES" "$out" \
	test "$out" = "FAIL /dev/pigpio_gpiomem: open read-write: EACCES"
