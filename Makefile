# SPDX-License-Identifier: GPL-2.0-only
# pigpio_regs: wrapper around kbuild (the module) and user/ (library, CLI).
#
#   make                      module for the running kernel + user space
#   make KDIR=... ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-   cross build
#   make check                every test (scripts/check.sh)
#   make demo                 the emulated-Pi demo (scripts/demo.sh)
#   make lint                 checkpatch, sparse, cppcheck, shellcheck

KDIR ?= /lib/modules/$(shell uname -r)/build

all: module user

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

user:
	$(MAKE) -C user

check:
	./scripts/check.sh

unit:
	./tests/unit/run.sh

demo:
	./scripts/demo.sh

lint:
	./scripts/lint.sh

clean:
	if [ -d $(KDIR) ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	$(MAKE) -C user clean
	rm -rf build

.PHONY: all module user check unit demo lint clean
