# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=sh
# Sourced by the debug kernel's job (scripts/debug-kernel.sh) before its
# kmemleak scan; needs CONFIG_FAULT_INJECTION and CONFIG_FAILSLAB, which
# Debian's kernels do not have. With the module unloaded, load it again and
# again, failing the 1st, 2nd, 3rd ... slab allocation the load makes
# (/proc/thread-self/fail-nth), until a load needs fewer allocations than
# that. Every load that fails must leave nothing behind (no node, no sysfs
# device, no debugfs directory, no module); every load that succeeds in
# spite of the failure (a lost debugfs file) must work and unload.
KO=${KO:-/pigpio/pigpio_regs.ko}
fs=/sys/kernel/debug/failslab
if [ ! -e /proc/thread-self/fail-nth ] || [ ! -d $fs ]; then
	fail "fault injection on every allocation of a load" \
		"this kernel has no CONFIG_FAULT_INJECTION / CONFIG_FAILSLAB"
else
	grep -q '^pigpio_regs ' /proc/modules && rmmod pigpio_regs
	udev_settled
	# No udevd during the sweep: under KASAN it falls behind the uevents
	# of hundreds of loads and every settle waits; devtmpfs still makes
	# the nodes (root 0600), so the loads that succeed are tried as root.
	# Started again below, for what comes after.
	udevadm control --exit
	# GFP_KERNEL allocations too, and one line per injected failure.
	echo N >$fs/ignore-gfp-wait
	echo 1 >$fs/verbose
	fi_marker=$(dmesg | wc -l)
	fi_n=0 fi_injected=0 fi_loaded=0 fi_stale="" fi_broken="" fi_end=""
	while [ $fi_n -lt 3000 ]; do
		fi_n=$((fi_n + 1))
		fi_r=$(load_module --fail-nth $fi_n --use-and-unload "$KO")
		# Progress on the console: under KASAN a load takes seconds.
		# (what went wrong so far too, should the run be cut short).
		[ $((fi_n % 25)) = 0 ] &&
			say "fault injection: load $fi_n ($fi_loaded loaded so far; stale:${fi_stale:- none}; broken:${fi_broken:- none}; uptime $(cut -d' ' -f1 /proc/uptime) s)"
		case $fi_r in
		*unreached*)
			fi_end="load $fi_n: $fi_r"
			grep -q '^pigpio_regs ' /proc/modules && rmmod pigpio_regs
			break
			;;
		esac
		fi_injected=$((fi_injected + 1))
		# A load that succeeded was used and unloaded by load_module itself.
		if [ "${fi_r%% *}" = ok ]; then
			fi_loaded=$((fi_loaded + 1))
			case $fi_r in
			*"used unloaded") ;;
			*)
				fi_broken="$fi_broken $fi_n(${fi_r#*broken: })"
				grep -q '^pigpio_regs ' /proc/modules && rmmod pigpio_regs
				;;
			esac
		fi
		for fi_p in /dev/pigpio_regs /dev/pigpio_gpiomem /sys/module/pigpio_regs \
			/sys/bus/platform/devices/pigpio_regs /sys/kernel/debug/pigpio_regs; do
			[ -e $fi_p ] && fi_stale="$fi_stale $fi_n:$fi_p"
		done
	done
	echo Y >$fs/ignore-gfp-wait
	/lib/systemd/systemd-udevd --daemon
	udevadm trigger --action=add
	udev_settled
	say "fault injection: $fi_injected loads each with one failed allocation; $fi_loaded loaded anyway, $((fi_injected - fi_loaded)) were refused; then $fi_end"
	check "fault injection: the sweep reached a load with no allocation left to fail" \
		"stopped after $fi_n loads" test -n "$fi_end"
	check "fault injection: every refused load left nothing behind" \
		"left:$fi_stale" test -z "$fi_stale"
	check "fault injection: every load that succeeded works and unloads" \
		"broken:$fi_broken" test -z "$fi_broken"
	bad=$(dmesg | tail -n +"$((fi_marker + 1))" |
		grep -E 'WARNING|BUG|Oops|Unable to handle|refcount_t|list_add corruption|KASAN' | head -n 3)
	check "fault injection: no WARN, BUG, oops or KASAN report" "$bad" test -z "$bad"
fi
