// SPDX-License-Identifier: GPL-2.0-only
/*
 * The verbs of pigpio-regs, once the command is parsed, the device open,
 * its pins and offsets checked and the ownership guard passed: each reads
 * or changes registers through libpigpioregs and prints the result, as
 * text or (--json) as one JSON object.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "linenames.h"
#include "explain.h"

#define WAIT_POLL_MS 1

static bool has_pin(const struct command *cmd, unsigned pin)
{
	return cmd->all_pins || (cmd->pins & (UINT64_C(1) << pin));
}

/* s as a JSON string, or null (cli.h). */
void json_string(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('"');
}

static const char *config_path_text(const struct pgr_chip *chip)
{
	return pgr_chip_config_path(chip) == PGR_CONFIG_DRIVER ?
	       "driver (locked ioctl)" :
	       "mapping (unlocked read-modify-write: not the pigpio_regs driver)";
}

static int do_info(const struct command *cmd, struct pgr_chip *chip)
{
	if (cmd->json) {
		printf("{\"soc\":\"%s\",\"phys_base\":%llu,\"bus_base\":%llu,"
		       "\"block_size\":%zu,\"window_size\":%zu,\"ngpio\":%u,"
		       "\"config\":\"%s\",\"pull_readable\":%s}\n",
		       pgr_chip_soc_name(chip), pgr_chip_phys_base(chip),
		       pgr_chip_bus_base(chip), pgr_chip_block_size(chip),
		       pgr_chip_window_size(chip), pgr_chip_pin_count(chip),
		       pgr_chip_config_path(chip) == PGR_CONFIG_DRIVER ?
		       "driver" : "mapping",
		       pgr_chip_pull_readable(chip) ? "true" : "false");
		return EXIT_SUCCESS;
	}
	printf("soc: %s\n", pgr_chip_soc_name(chip));
	printf("phys_base: 0x%llx\n", pgr_chip_phys_base(chip));
	printf("bus_base: 0x%llx\n", pgr_chip_bus_base(chip));
	printf("block_size: %zu\n", pgr_chip_block_size(chip));
	printf("window_size: %zu\n", pgr_chip_window_size(chip));
	printf("ngpio: %u\n", pgr_chip_pin_count(chip));
	printf("mapping: mapped at %p in this process (pid %ld)\n",
	       pgr_chip_mapping(chip), (long)getpid());
	printf("config: %s\n", config_path_text(chip));
	printf("pulls: %s\n", pgr_chip_pull_readable(chip) ?
	       "readable (BCM2711 pull registers)" :
	       "not readable (no register holds them; set by the GPPUD sequence): shown as unknown");
	return EXIT_SUCCESS;
}

/*
 * Whether the chip has per-pin drive strength and slew (the RP1): the
 * library says -EOPNOTSUPP where it has not.
 */
static bool has_pads(const struct pgr_chip *chip)
{
	return pgr_pin_get_slew(chip, 0) != -EOPNOTSUPP;
}

/* Everything get shows of one pin. */
struct pin_state {
	enum pgr_function function;
	const char *alt;
	int level;
	enum pgr_pull pull;
	enum pgr_drive drive;	/* pads only */
	int slew;		/* pads only: 1 fast, 0 slow */
	int events;
};

static int read_pin(const struct pgr_chip *chip, unsigned pin, bool pads,
		    struct pin_state *st)
{
	int ret = pgr_pin_get_function(chip, pin, &st->function);

	if (!ret)
		ret = pgr_pin_get_pull(chip, pin, &st->pull);
	if (!ret && pads)
		ret = pgr_pin_get_drive(chip, pin, &st->drive);
	st->slew = pads ? pgr_pin_get_slew(chip, pin) : 0;
	if (!ret && st->slew < 0)
		ret = st->slew;
	st->level = pgr_pin_read(chip, pin);
	st->events = pgr_pin_get_events(chip, pin);
	if (!ret && st->level < 0)
		ret = st->level;
	if (!ret && st->events < 0)
		ret = st->events;
	st->alt = pgr_pin_alt_name(chip, pin, st->function);
	return ret;
}

/* The enabled events as "rising,falling", or "-". */
static const char *events_text(int mask, char *buf, size_t size)
{
	size_t len = 0;
	int k;

	buf[0] = '\0';
	for (k = 0; k < PGR_EVENT_KINDS; k++)
		if (mask & (1 << k))
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? "," : "",
						pgr_event_name((enum pgr_event)k));
	return len ? buf : "-";
}

static void json_events(int mask)
{
	int k, n = 0;

	putchar('[');
	for (k = 0; k < PGR_EVENT_KINDS; k++)
		if (mask & (1 << k))
			printf("%s\"%s\"", n++ ? "," : "",
			       pgr_event_name((enum pgr_event)k));
	putchar(']');
}

/*
 * A function as the text output names it: the word set takes for it, as
 * pinctrl's get prints its set words ("no" for no function: "none" is the
 * pull's word). JSON keeps the library's names ("none").
 */
const char *function_word(enum pgr_function function)
{
	return function == PGR_FUNC_NONE ? "no" : pgr_function_name(function);
}

static const char *slew_name(int slew)
{
	return slew ? "fast" : "slow";
}

/*
 * get's table row, one column after another: the line name column (after
 * EVENTS, before OWNER, which may have spaces) only when the device tree
 * names lines, so that tables and scripts elsewhere stay as they were.
 */
static int do_get(const struct command *cmd, struct pgr_chip *chip,
		  const struct pgr_owners *owners)
{
	bool table = cmd->all_pins || (cmd->pins & (cmd->pins - 1));
	bool pads = has_pads(chip);	/* RP1: drive and slew columns */
	const struct linenames *ln = cmd->linenames;
	struct pin_state st;
	char events[96];
	unsigned pin, n = 0;
	int ret;

	if (cmd->json) {
		printf("{\"soc\":\"%s\",\"pins\":[", pgr_chip_soc_name(chip));
	} else if (table) {
		printf("%-4s %-6s %-14s %-5s %-7s ", "PIN", "FUNC", "NAME",
		       "LEVEL", "PULL");
		if (pads)
			printf("%-5s %-4s ", "DRIVE", "SLEW");
		printf("%-14s ", "EVENTS");
		if (ln)
			printf("%-14s ", "LINE");
		printf("%s\n", "OWNER");
	}
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		ret = read_pin(chip, pin, pads, &st);
		if (ret < 0) {
			cli_error("get GPIO%u: %s", pin, strerror(-ret));
			return EXIT_FAILURE;
		}
		if (cmd->json) {
			printf("%s{\"pin\":%u,\"function\":\"%s\",\"alt\":",
			       n++ ? "," : "", pin,
			       pgr_function_name(st.function));
			json_string(st.alt);
			printf(",\"level\":%d,\"pull\":\"%s\"", st.level,
			       pgr_pull_name(st.pull));
			if (pads)
				printf(",\"drive\":\"%s\",\"slew\":\"%s\"",
				       pgr_drive_name(st.drive),
				       slew_name(st.slew));
			fputs(",\"events\":", stdout);
			json_events(st.events);
			fputs(",\"line\":", stdout);
			json_string(linenames_get(ln, pin));
			fputs(",\"owner\":", stdout);
			json_string(owners->owner[pin][0] ?
				    owners->owner[pin] : NULL);
			putchar('}');
		} else if (table) {
			printf("%-4u %-6s %-14s %-5s %-7s ", pin,
			       function_word(st.function),
			       st.alt ? st.alt : "-",
			       st.level ? "high" : "low",
			       pgr_pull_name(st.pull));
			if (pads)
				printf("%-5s %-4s ", pgr_drive_name(st.drive),
				       slew_name(st.slew));
			printf("%-14s ",
			       events_text(st.events, events, sizeof(events)));
			if (ln)
				printf("%-14s ", linenames_get(ln, pin) ?
				       linenames_get(ln, pin) : "-");
			printf("%s\n", owners->owner[pin][0] ?
			       owners->owner[pin] : "-");
		} else {
			/* The one-pin format scripts rely on: three words. */
			printf("GPIO%u %s %s\n", pin,
			       function_word(st.function),
			       st.level ? "high" : "low");
		}
	}
	if (cmd->json)
		puts("]}");
	return EXIT_SUCCESS;
}

/* 9 ALT columns on a chip with ALT6-ALT8 (the RP1), else 6. */
static unsigned alt_columns(const struct pgr_chip *chip)
{
	unsigned pin;

	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++)
		if (pgr_pin_alt_name(chip, pin, PGR_FUNC_ALT6) ||
		    pgr_pin_alt_name(chip, pin, PGR_FUNC_ALT7) ||
		    pgr_pin_alt_name(chip, pin, PGR_FUNC_ALT8))
			return 9;
	return 6;
}

static int do_funcs(const struct command *cmd, struct pgr_chip *chip)
{
	static const enum pgr_function alts[] = {
		PGR_FUNC_ALT0, PGR_FUNC_ALT1, PGR_FUNC_ALT2,
		PGR_FUNC_ALT3, PGR_FUNC_ALT4, PGR_FUNC_ALT5,
		PGR_FUNC_ALT6, PGR_FUNC_ALT7, PGR_FUNC_ALT8,
	};
	unsigned ncols = alt_columns(chip);
	enum pgr_function current;
	const char *name;
	unsigned pin, a, n = 0;
	int ret;

	if (cmd->json) {
		printf("{\"soc\":\"%s\",\"pins\":[", pgr_chip_soc_name(chip));
	} else {
		printf("%-4s %-7s", "PIN", "CURRENT");
		for (a = 0; a < ncols; a++)
			printf(a + 1 < ncols ? " ALT%-11u" : " ALT%u\n", a);
	}
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		ret = pgr_pin_get_function(chip, pin, &current);
		if (ret < 0) {
			cli_error("funcs GPIO%u: %s", pin, strerror(-ret));
			return EXIT_FAILURE;
		}
		if (cmd->json)
			printf("%s{\"pin\":%u,\"current\":\"%s\",\"alt\":[",
			       n++ ? "," : "", pin,
			       pgr_function_name(current));
		else
			printf("%-4u %-7s", pin, function_word(current));
		for (a = 0; a < ncols; a++) {
			name = pgr_pin_alt_name(chip, pin, alts[a]);
			if (cmd->json) {
				if (a)
					putchar(',');
				json_string(name);
			} else {
				printf(a + 1 < ncols ? " %-14s" : " %s",
				       name ? name : "-");
			}
		}
		if (cmd->json)
			fputs("]}", stdout);
		else
			putchar('\n');
	}
	if (cmd->json)
		puts("]}");
	return EXIT_SUCCESS;
}

/* The pins of the list in bank (every pin of the chip for all_pins). */
static uint32_t bank_mask(const struct command *cmd,
			  const struct pgr_chip *chip, unsigned bank)
{
	uint32_t mask = 0;
	unsigned pin;

	for (pin = 32 * bank; pin < 32 * bank + 32 && pin < pgr_chip_pin_count(chip);
	     pin++)
		if (has_pin(cmd, pin))
			mask |= UINT32_C(1) << (pin - 32 * bank);
	return mask;
}

/* Drive every pin of the list: one GPSETn or GPCLRn store per bank. */
static int write_levels(const struct command *cmd, struct pgr_chip *chip,
			int level)
{
	uint32_t mask;
	unsigned bank;
	int ret;

	for (bank = 0; bank < 2; bank++) {
		mask = bank_mask(cmd, chip, bank);
		if (!mask)
			continue;
		ret = level ? pgr_bank_set(chip, bank, mask) :
			      pgr_bank_clear(chip, bank, mask);
		if (ret < 0) {
			cli_error("set: bank %u: %s", bank, strerror(-ret));
			return ret;
		}
	}
	return 0;
}

static int set_one(struct pgr_chip *chip, unsigned pin,
		   const struct set_ops *ops)
{
	int ret = 0;

	if (ops->set_pull)
		ret = pgr_pin_set_pull(chip, pin, ops->pull);
	if (!ret && ops->set_drive)
		ret = pgr_pin_set_drive(chip, pin, ops->drive);
	if (!ret && ops->set_slew)
		ret = pgr_pin_set_slew(chip, pin, ops->slew);
	if (!ret && ops->set_function)
		ret = pgr_pin_set_function(chip, pin, ops->function);
	if (ret < 0)
		cli_error("set GPIO%u: %s", pin, strerror(-ret));
	return ret;
}

static int do_set(const struct command *cmd, struct pgr_chip *chip)
{
	const struct set_ops *ops = &cmd->ops;
	enum pgr_function function;
	unsigned pin;

	/*
	 * What the chip would refuse (ALT6-ALT8, no function, drive and slew
	 * on a BCM chip) args_check_chip() has refused before anything was
	 * changed. Latch the levels first, so pins made outputs start at
	 * them.
	 */
	if (ops->set_level && write_levels(cmd, chip, ops->level) < 0)
		return EXIT_FAILURE;
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++)
		if (has_pin(cmd, pin) && set_one(chip, pin, ops) < 0)
			return EXIT_FAILURE;

	if (!ops->set_level)
		return EXIT_SUCCESS;
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin) ||
		    pgr_pin_get_function(chip, pin, &function) < 0 ||
		    function == PGR_FUNC_OUTPUT)
			continue;
		cli_error("note: GPIO%u is %s, so %s only latches the level it will drive as an output",
			  pin, pgr_function_name(function),
			  ops->level ? "dh" : "dl");
	}
	return EXIT_SUCCESS;
}

static int do_toggle(const struct command *cmd, struct pgr_chip *chip)
{
	unsigned pin;
	int ret;

	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		ret = pgr_pin_toggle(chip, pin);
		if (ret < 0) {
			cli_error("toggle GPIO%u: %s", pin, strerror(-ret));
			return EXIT_FAILURE;
		}
	}
	return EXIT_SUCCESS;
}

/*
 * SIGINT, SIGTERM and SIGHUP end blink and wait. They are blocked from the
 * start and taken only inside the waits (sigtimedwait), so none can slip
 * in between a check and a sleep; a closed terminal (SIGHUP) stops the
 * command like Ctrl-C. Waits run to absolute deadlines on CLOCK_MONOTONIC,
 * so a blink's period does not drift with the time its stores take.
 */
static void block_stops(sigset_t *stops)
{
	sigemptyset(stops);
	sigaddset(stops, SIGINT);
	sigaddset(stops, SIGTERM);
	sigaddset(stops, SIGHUP);
	sigprocmask(SIG_BLOCK, stops, NULL);
}

static void add_ms(struct timespec *t, unsigned long ms)
{
	t->tv_sec += (time_t)(ms / 1000);
	t->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (t->tv_nsec >= 1000000000L) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000L;
	}
}

/* Wait until deadline: 0, or the stop signal that came first. */
static int wait_until(const sigset_t *stops, const struct timespec *deadline)
{
	struct timespec now, left;
	int sig;

	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		left.tv_sec = deadline->tv_sec - now.tv_sec;
		left.tv_nsec = deadline->tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_sec--;
			left.tv_nsec += 1000000000L;
		}
		if (left.tv_sec < 0)	/* late: still take a pending signal */
			left.tv_sec = left.tv_nsec = 0;
		sig = sigtimedwait(stops, NULL, &left);
		if (sig > 0)
			return sig;
		if (errno != EINTR)
			return 0;	/* EAGAIN: the deadline */
	}
}

static const char *stop_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" :
	       sig == SIGHUP ? "SIGHUP" : "a signal";
}

static int do_blink(const struct command *cmd, struct pgr_chip *chip)
{
	unsigned long high_ms = cmd->period_ms / 2;
	unsigned long low_ms = cmd->period_ms - high_ms;
	unsigned pin = cmd->pin;
	enum pgr_function was;
	struct timespec deadline;
	unsigned long done;
	sigset_t stops;
	int ret, level, sig = 0;

	block_stops(&stops);
	ret = pgr_pin_get_function(chip, pin, &was);
	level = ret < 0 ? 0 : pgr_pin_read(chip, pin);
	if (ret >= 0)
		ret = pgr_pin_set_function(chip, pin, PGR_FUNC_OUTPUT);
	if (ret < 0) {
		cli_error("blink GPIO%u: %s", pin, strerror(-ret));
		return EXIT_FAILURE;
	}

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	for (done = 0; done < cmd->count; done++) {
		pgr_pin_write(chip, pin, 1);
		add_ms(&deadline, high_ms);
		sig = wait_until(&stops, &deadline);
		pgr_pin_write(chip, pin, 0);
		if (sig)
			break;
		add_ms(&deadline, low_ms);
		sig = wait_until(&stops, &deadline);
		if (sig)
			break;
	}

	if (sig) {
		/* Interrupted: the pin as it was found, latch then function. */
		pgr_pin_write(chip, pin, level);
		pgr_pin_set_function(chip, pin, was);
		printf("stopped by %s: blinked GPIO%u %lu times (period %lu ms), left as found\n",
		       stop_name(sig), pin, done, cmd->period_ms);
		return 128 + sig;
	}
	printf("blinked GPIO%u %lu times (period %lu ms)\n", pin, cmd->count,
	       cmd->period_ms);
	return EXIT_SUCCESS;
}

static int do_peek(const struct command *cmd, struct pgr_chip *chip)
{
	uint32_t value;
	int ret;

	if (cmd->syscall)
		ret = pgr_chip_peek_syscall(chip, cmd->offset, &value);
	else
		ret = pgr_chip_peek(chip, cmd->offset, &value);
	if (ret < 0) {
		cli_error("peek 0x%03x%s: %s", cmd->offset,
			  cmd->syscall ? " (pread)" : "", strerror(-ret));
		return EXIT_FAILURE;
	}
	if (cmd->json)
		printf("{\"offset\":%u,\"value\":%u,\"via\":\"%s\"}\n",
		       cmd->offset, (unsigned)value,
		       cmd->syscall ? "pread" : "mapping");
	else
		printf("0x%03x: 0x%08x\n", cmd->offset, (unsigned)value);
	return EXIT_SUCCESS;
}

static int do_bank(const struct command *cmd, struct pgr_chip *chip)
{
	uint32_t levels;
	int ret;

	switch (cmd->bank_op) {
	case BANK_READ:
		ret = pgr_bank_read(chip, cmd->bank, &levels);
		if (ret < 0)
			break;
		if (cmd->json)
			printf("{\"bank\":%u,\"levels\":%u}\n", cmd->bank,
			       (unsigned)levels);
		else
			printf("bank %u: 0x%08x\n", cmd->bank,
			       (unsigned)levels);
		return EXIT_SUCCESS;
	case BANK_HIGH:
		ret = pgr_bank_set(chip, cmd->bank, cmd->mask);
		break;
	case BANK_LOW:
		ret = pgr_bank_clear(chip, cmd->bank, cmd->mask);
		break;
	case BANK_WRITE:
		ret = pgr_bank_write(chip, cmd->bank, cmd->mask, cmd->values);
		break;
	default:
		ret = -EINVAL;
	}
	if (ret < 0) {
		cli_error("bank %u: %s", cmd->bank, strerror(-ret));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int do_detect(const struct command *cmd, struct pgr_chip *chip)
{
	unsigned pin;
	int k, ret;

	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		for (k = 0; k < PGR_EVENT_KINDS; k++) {
			/* The parser refused enabling without --force. */
			ret = pgr_pin_force_event(chip, pin, (enum pgr_event)k,
						  (cmd->events >> k) & 1);
			if (ret < 0) {
				cli_error("detect GPIO%u %s: %s", pin,
					  pgr_event_name((enum pgr_event)k),
					  strerror(-ret));
				return EXIT_FAILURE;
			}
		}
	}
	return EXIT_SUCCESS;
}

static int do_events(const struct command *cmd, struct pgr_chip *chip)
{
	unsigned pin, bank, n = 0;
	char enabled[96];
	int detected, mask, ret;

	if (cmd->clear) {
		/* One write-1-to-clear store per bank. */
		for (bank = 0; bank < 2; bank++) {
			if (!bank_mask(cmd, chip, bank))
				continue;
			ret = pgr_bank_clear_events(chip, bank,
						    bank_mask(cmd, chip, bank));
			if (ret < 0) {
				cli_error("events clear: bank %u: %s", bank,
					  strerror(-ret));
				return EXIT_FAILURE;
			}
		}
		return EXIT_SUCCESS;
	}
	if (cmd->json)
		printf("{\"pins\":[");
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		detected = pgr_pin_event_detected(chip, pin);
		mask = pgr_pin_get_events(chip, pin);
		if (detected < 0 || mask < 0) {
			cli_error("events GPIO%u: %s", pin,
				  strerror(detected < 0 ? -detected : -mask));
			return EXIT_FAILURE;
		}
		if (cmd->json) {
			printf("%s{\"pin\":%u,\"detected\":%s,\"enabled\":",
			       n++ ? "," : "", pin,
			       detected ? "true" : "false");
			json_events(mask);
			putchar('}');
		} else {
			printf("GPIO%u detected=%s enabled=%s\n", pin,
			       detected ? "yes" : "no",
			       mask ? events_text(mask, enabled,
						  sizeof(enabled)) : "none");
		}
	}
	if (cmd->json)
		puts("]}");
	return EXIT_SUCCESS;
}

static unsigned long elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (unsigned long)((now.tv_sec - start->tv_sec) * 1000 +
			       (now.tv_nsec - start->tv_nsec) / 1000000);
}

static int do_wait(const struct command *cmd, struct pgr_chip *chip)
{
	const char *want = cmd->level ? "high" : "low";
	struct timespec start, deadline;
	unsigned long ms;
	sigset_t stops;
	int sig;

	block_stops(&stops);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		ms = elapsed_ms(&start);
		if (pgr_pin_read(chip, cmd->pin) == cmd->level) {
			printf("GPIO%u %s after %lu ms\n", cmd->pin, want, ms);
			return EXIT_SUCCESS;
		}
		if (cmd->timeout_ms && ms >= cmd->timeout_ms) {
			cli_error("wait: GPIO%u did not become %s within %lu ms",
				  cmd->pin, want, cmd->timeout_ms);
			return EXIT_FAILURE;
		}
		/*
		 * The next poll WAIT_POLL_MS from now, not from the last
		 * deadline: where one round takes longer than that (a Pi 1
		 * under load), deadlines added up fall behind the clock and
		 * the loop would poll without ever sleeping, taking the CPU
		 * from the very process that is to change the pin.
		 */
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		add_ms(&deadline, WAIT_POLL_MS);
		sig = wait_until(&stops, &deadline);
		if (sig) {
			cli_error("wait: stopped by %s; GPIO%u is not %s",
				  stop_name(sig), cmd->pin, want);
			return 128 + sig;
		}
	}
}

/* Each source of ownership on its own: what the kernel says, and where. */
static int do_owners(const struct command *cmd, struct pgr_chip *chip)
{
	static struct pgr_owners dt, lines;
	int dt_err, gpio_err;
	unsigned pin, n = 0;

	pgr_owners_init(&dt);
	pgr_owners_init(&lines);
	dt_err = pgr_owners_from_devicetree(&dt, cmd->devicetree);
	gpio_err = pgr_owners_from_gpiochip(&lines, NULL);
	if (cmd->json) {
		printf("{\"devicetree\":\"%s\",\"gpiochip\":\"%s\",\"pins\":[",
		       dt_err ? strerror(-dt_err) : "ok",
		       gpio_err < 0 ? strerror(-gpio_err) : "ok");
	} else {
		printf("device tree: %s\n", dt_err ? strerror(-dt_err) :
		       "read (pinctrl states of enabled nodes)");
		printf("gpiochip line info: %s\n", gpio_err < 0 ?
		       strerror(-gpio_err) : "read (lines gpiolib reports in use)");
	}
	for (pin = 0; pin < pgr_chip_pin_count(chip); pin++) {
		if (!has_pin(cmd, pin))
			continue;
		if (cmd->json) {
			printf("%s{\"pin\":%u,\"devicetree\":", n++ ? "," : "",
			       pin);
			json_string(dt.owner[pin][0] ? dt.owner[pin] : NULL);
			fputs(",\"gpiolib\":", stdout);
			json_string(lines.owner[pin][0] ? lines.owner[pin] :
				    NULL);
			putchar('}');
		} else if (cmd->all_pins && !dt.owner[pin][0] &&
			   !lines.owner[pin][0]) {
			continue;	/* the whole list: claimed pins only */
		} else {
			printf("GPIO%u devicetree=%s gpiolib=%s\n", pin,
			       dt.owner[pin][0] ? dt.owner[pin] : "-",
			       lines.owner[pin][0] ? lines.owner[pin] : "-");
		}
	}
	if (cmd->json)
		puts("]}");
	return EXIT_SUCCESS;
}

int verbs_run(const struct command *cmd, struct pgr_chip *chip,
	      const struct pgr_owners *owners)
{
	switch (cmd->verb) {
	case VERB_INFO:
		return do_info(cmd, chip);
	case VERB_GET:
		return do_get(cmd, chip, owners);
	case VERB_SET:
		return do_set(cmd, chip);
	case VERB_TOGGLE:
		return do_toggle(cmd, chip);
	case VERB_FUNCS:
		return do_funcs(cmd, chip);
	case VERB_BLINK:
		return do_blink(cmd, chip);
	case VERB_PEEK:
		return do_peek(cmd, chip);
	case VERB_BANK:
		return do_bank(cmd, chip);
	case VERB_DETECT:
		return do_detect(cmd, chip);
	case VERB_EVENTS:
		return do_events(cmd, chip);
	case VERB_WAIT:
		return do_wait(cmd, chip);
	case VERB_POLL:
		return poll_run(cmd, chip);
	case VERB_OWNERS:
		return do_owners(cmd, chip);
	case VERB_EXPLAIN:
		return cli_explain(chip,
				   cmd->device ? cmd->device : PIGPIO_REGS_DEVICE,
				   cmd->devicetree ? cmd->devicetree :
				   "/proc/device-tree",
				   "/sys/kernel/debug/" PIGPIO_REGS_NAME "/mappings");
	case VERB_HELP:
	case VERB_COMPLETE:
	case VERB_VERSION:
	case VERB_SELFTEST:	/* main.c runs it: it guards its own pin */
	case VERB_PINOUT:	/* main.c runs it: it needs the revision */
	case VERB_TICKS:	/* main.c runs it: no chip */
		break;
	}
	return EXIT_FAILURE;
}
