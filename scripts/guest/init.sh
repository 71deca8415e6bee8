#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0-only
# PID 1 of the emulated board: mount the kernel's file systems, start the
# real systemd-udevd and systemd-modules-load, run the job named by pgr.mode= on the kernel command
# line (/pigpio/<mode>.sh), then reboot through the watchdog so QEMU
# (started with -no-reboot) ends by itself.
/bin/busybox --install -s /bin
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /run /tmp
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug
# Keep kernel messages off the console: they would split result lines.
dmesg -n 1
hostname pigpio-guest

mode=$(sed -n 's/.*pgr\.mode=\([a-z0-9-]*\).*/\1/p' /proc/cmdline)
echo "PGR-BOOTED $(cut -d' ' -f1 /proc/uptime)"

# The project's Debian packages, installed by the guest's own dpkg: their
# maintainer scripts create group gpio and index the module (depmod). Then
# what an administrator does: alice joins the group, and the /dev/gpiomem
# link rule the package ships as an example is put in place (RPi.GPIO and
# WiringPi open /dev/gpiomem). The suite checks each step.
if [ -d /pigpio/debs ]; then
	dpkg -i /pigpio/debs/*.deb >/run/pgr-dpkg.log 2>&1
	echo $? >/run/pgr-dpkg.status
	usermod -aG gpio alice >>/run/pgr-dpkg.log 2>&1
	mkdir -p /etc/udev/rules.d &&
		cp /usr/share/doc/pigpio-regs-common/examples/61-pigpio-gpiomem-symlink.rules \
		/etc/udev/rules.d/ >>/run/pgr-dpkg.log 2>&1
fi

# The module's options this board needs (boot.sh: the RP1 stand-in). The
# stand-in has no driver that would add the RP1's GPIO platform device, as
# the rp1 driver does on a Pi 5, so nothing carries the node's modalias:
# the administrator who names the stand-in also lists the module in
# modules-load.d.
. /pigpio/board.env
if [ -n "$MODULE_PARAMS" ]; then
	mkdir -p /etc/modprobe.d /etc/modules-load.d &&
		echo "options pigpio_regs $MODULE_PARAMS" >/etc/modprobe.d/pgr-board.conf &&
		echo pigpio_regs >/etc/modules-load.d/pgr-board.conf
fi

/lib/systemd/systemd-udevd --daemon
# As a real boot does next: load the modules listed in modules-load.d
# (the project's packages list none), then replay the devices' add events:
# udev loads the modules their modaliases name, pigpio_regs for the GPIO
# node's platform device. The suite checks both results.
SYSTEMD_LOG_TARGET=console /lib/systemd/systemd-modules-load >/run/pgr-modules-load.log 2>&1
echo $? >/run/pgr-modules-load.status
udevadm trigger --action=add
udevadm settle --timeout=30
# The board's reset path: reboot -f below goes through this watchdog
# (QEMU's virt board resets through PSCI instead).
grep -q 'linux,dummy-virt' /proc/device-tree/compatible 2>/dev/null ||
	modprobe bcm2835_wdt || echo "PGR-WARN: no watchdog; the host ends QEMU"

if [ -x "/pigpio/$mode.sh" ]; then
	"/pigpio/$mode.sh"
	echo "PGR-EXIT $?"
else
	echo "PGR-EXIT 127 (no job '$mode')"
fi
echo "PGR-END $(cut -d' ' -f1 /proc/uptime)"
sync
reboot -f
