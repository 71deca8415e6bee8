# SPDX-License-Identifier: GPL-2.0-only
# pigpio_regs: wrapper around kbuild (the module) and user/ (library, CLI).
#
#   make                      module for the running kernel + user space
#   make KDIR=... ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-   cross build
#   sudo make install         module (udev loads it), udev rule, gpio
#                             group, library, header, pkg-config, CLI, man
#   sudo make uninstall       removes exactly what install put in place
#   sudo make dkms            the module's source (only: no build output,
#                             cache/, build/ or .git) into
#                             /usr/src/pigpio_regs-VERSION, then dkms add
#                             and install (DKMS_ARGS, e.g. -k RELEASE)
#   make check                every test (scripts/check.sh)
#   make demo                 the emulated-Pi demo (scripts/demo.sh)
#   make docs                 re-capture docs outputs on the emulated Pi
#   make bench                build the benchmark, tools/bench (not installed):
#                             build/host/user/pigpio-regs-bench
#   make bench-report         run it on the emulated Pi: tables in
#                             build/bench/, docs/performance.md and .svg
#   make lint                 checkpatch, sparse, cppcheck, shellcheck
#   make dist                 the release tarball build/pigpio-regs-VERSION.tar.xz
#                             (DISTDIR=...: elsewhere): every file git tracks,
#                             as in the working tree, less debian/
#   make debug-kernel         build a KASAN/KFENCE/lockdep/kmemleak kernel
#                             for the emulated Pi 3 and run the suite on it
#                             (not part of check: about an hour)
#
# install honours DESTDIR and PREFIX (default /usr/local). With DESTDIR set
# (packaging), the system steps (depmod, groupadd) are left to the package.

KDIR ?= /lib/modules/$(shell uname -r)/build
PREFIX ?= /usr/local
DESTDIR ?=
# The kernel the module is built for, from its headers.
KRELEASE ?= $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null)
MODDIR := /lib/modules/$(KRELEASE)/extra
UDEVDIR ?= /usr/lib/udev
# No modules-load.d entry: udev loads the module from the GPIO node's
# modalias (kernel/locate.c). Earlier versions installed one there, which
# uninstall still removes.
MODLOADDIR ?= /usr/lib/modules-load.d
# GPIOMEM_LINK=1 also installs the optional /dev/gpiomem link rule.
GPIOMEM_LINK ?= 0
# KO=FILE installs a module built elsewhere (the emulated-board harness
# installs its cross-built one) instead of building kernel/pigpio_regs.ko.
KO ?=

KERNEL_FILES := $(MODDIR)/pigpio_regs.ko \
	$(UDEVDIR)/rules.d/60-pigpio-regs.rules
ifeq ($(GPIOMEM_LINK),1)
KERNEL_FILES += $(UDEVDIR)/rules.d/61-pigpio-gpiomem-symlink.rules
endif

# The module's source as DKMS builds it: the files kernel/ holds in the
# tree (not kbuild's output beside them), the UAPI header and dkms.conf.
DKMS_VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
DKMS_SRC := /usr/src/pigpio_regs-$(DKMS_VERSION)
DKMS_FILES := Kbuild dkms.conf kernel/Kbuild include/uapi/linux/pigpio_regs.h \
	$(filter-out %.mod.c,$(wildcard kernel/*.c)) $(wildcard kernel/*.h)
DKMS_ARGS ?=

# The release tarball (docs/packaging.md): the files git tracks, as they
# are in the working tree (release from a clean checkout of the tag),
# under one top directory pigpio-regs-VERSION/, VERSION being the
# library's PGR_VERSION. debian/ is left out: the Debian source package
# (3.0 (quilt)) uses this file as its pigpio-regs_VERSION.orig.tar.xz and
# carries debian/ in a tarball of its own. The same files give the same
# tarball: names sorted, owner 0, modes a+rX u+w go-w whatever the umask,
# every time stamp the last commit's (or SOURCE_DATE_EPOCH's).
VERSION := $(shell sed -n 's/^\#define PGR_VERSION "\(.*\)"/\1/p' user/include/pigpioregs.h)
DIST := pigpio-regs-$(VERSION)
DISTDIR ?= build

all: module user

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

user:
	$(MAKE) -C user

install: install-kernel install-user

install-kernel: $(if $(KO),,module)
	@test -n "$(KRELEASE)" || { echo "no kernel release in $(KDIR)" >&2; exit 1; }
	install -D -m 0644 $(or $(KO),kernel/pigpio_regs.ko) $(DESTDIR)$(MODDIR)/pigpio_regs.ko
	install -D -m 0644 scripts/udev/60-pigpio-regs.rules \
		$(DESTDIR)$(UDEVDIR)/rules.d/60-pigpio-regs.rules
	if [ "$(GPIOMEM_LINK)" = 1 ]; then \
		install -D -m 0644 scripts/udev/61-pigpio-gpiomem-symlink.rules \
			$(DESTDIR)$(UDEVDIR)/rules.d/61-pigpio-gpiomem-symlink.rules; fi
	# The kernel's own depmod step is skipped without System.map (as with
	# Raspberry Pi header packages): run it here, for this release.
	if [ -z "$(DESTDIR)" ]; then \
		depmod -a $(KRELEASE) && \
		groupadd --system -f gpio && \
		{ udevadm control --reload 2>/dev/null || true; }; fi

install-user:
	$(MAKE) -C user install DESTDIR=$(DESTDIR) PREFIX=$(PREFIX)

uninstall:
	rm -f $(addprefix $(DESTDIR),$(KERNEL_FILES)) \
		$(DESTDIR)$(UDEVDIR)/rules.d/61-pigpio-gpiomem-symlink.rules \
		$(DESTDIR)$(MODLOADDIR)/pigpio_regs.conf
	if [ -z "$(DESTDIR)" ] && [ -n "$(KRELEASE)" ]; then depmod -a $(KRELEASE); fi
	$(MAKE) -C user uninstall DESTDIR=$(DESTDIR) PREFIX=$(PREFIX)

check:
	./scripts/check.sh

unit:
	./tests/unit/run.sh

demo:
	./scripts/demo.sh

docs:
	./scripts/make-docs.sh

bench:
	$(MAKE) -C user bench

bench-report:
	./scripts/bench.sh

lint:
	./scripts/lint.sh

dkms:
	rm -rf $(DESTDIR)$(DKMS_SRC)
	for f in $(DKMS_FILES); do install -D -m 0644 $$f $(DESTDIR)$(DKMS_SRC)/$$f || exit 1; done
	if [ -z "$(DESTDIR)" ]; then dkms add -m pigpio_regs -v $(DKMS_VERSION) && \
		dkms install -m pigpio_regs -v $(DKMS_VERSION) $(DKMS_ARGS); fi

debug-kernel:
	./scripts/debug-kernel.sh

dist:
	@test -n "$(VERSION)" || { echo "no PGR_VERSION in user/include/pigpioregs.h" >&2; exit 1; }
	@git rev-parse --show-toplevel >/dev/null 2>&1 || \
		{ echo "make dist needs the git checkout (it packs the files git tracks)" >&2; exit 1; }
	rm -rf $(DISTDIR)/$(DIST) $(DISTDIR)/$(DIST).tar.xz
	mkdir -p $(DISTDIR)/$(DIST)
	git ls-files -z -- . ':(exclude)debian' | \
		xargs -0 cp -P --parents -t $(DISTDIR)/$(DIST)
	epoch=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct)} && \
	tar -C $(DISTDIR) --sort=name --mtime=@$$epoch --owner=0 --group=0 \
		--numeric-owner --mode=a+rX,u+w,go-w -cf - $(DIST) | xz -T1 >$(DISTDIR)/$(DIST).tar.xz
	rm -rf $(DISTDIR)/$(DIST)
	@echo $(DISTDIR)/$(DIST).tar.xz

clean:
	if [ -d $(KDIR) ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	$(MAKE) -C user clean
	rm -rf build

.PHONY: dkms all module user install install-kernel install-user uninstall \
	check unit demo docs bench bench-report lint debug-kernel dist clean
