// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system timer calls (user/lib/timer.c, pigpioregs.h) against a
 * simulated timer: a regular file for pgr_timer_open(), and a block of
 * memory whose CLO/CHI pair a thread advances as the hardware does, the
 * two words changing in one atomic 64-bit store, through many CLO wraps.
 * Every step of the thread waits for the reader to have read since the
 * last one: bounded by events, not by time.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "pigpioregs.h"

static char dir[] = "/tmp/pgr-timer-XXXXXX";

/* A file standing for the node: CLO, CHI as given, size bytes long. */
static int make_file(const char *path, uint32_t lo, uint32_t hi, size_t size)
{
	uint32_t regs[PIGPIO_REGS_TIMER_BLOCK_SIZE / 4] = { 0 };
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int ok;

	if (fd < 0)
		return -1;
	regs[PIGPIO_REGS_TIMER_CLO / 4] = lo;
	regs[PIGPIO_REGS_TIMER_CHI / 4] = hi;
	ok = write(fd, regs, size) == (ssize_t)size;
	close(fd);
	return ok ? 0 : -1;
}

static void test_open_file(void)
{
	char path[64];
	struct pgr_timer t;

	snprintf(path, sizeof(path), "%s/timer", dir);
	EXPECT(make_file(path, 0x89abcdef, 0x1234567, 0x1c) == 0, "file");
	EXPECT_INT(pgr_timer_open(&t, path), 0);
	EXPECT(t.fd >= 0 && t.regs, "open fills the structure");
	EXPECT_HEX(pgr_timer_read(&t), 0x123456789abcdefULL);
	EXPECT_HEX(pgr_timer_read32(&t), 0x89abcdef);
	pgr_timer_close(&t);
	EXPECT(t.fd == -1 && !t.regs, "close clears it");
	pgr_timer_close(&t);	/* twice is harmless */
	pgr_timer_close(NULL);
}

static void test_open_errors(void)
{
	char path[64];
	struct pgr_timer t = { .fd = 7 };

	EXPECT_INT(pgr_timer_open(NULL, NULL), -EINVAL);
	snprintf(path, sizeof(path), "%s/absent", dir);
	EXPECT_INT(pgr_timer_open(&t, path), -ENOENT);
	EXPECT(t.fd == -1 && !t.regs, "a failed open leaves it closed");
	snprintf(path, sizeof(path), "%s/short", dir);
	EXPECT(make_file(path, 1, 0, 0x18) == 0, "file");
	EXPECT_INT(pgr_timer_open(&t, path), -EPROTO);
	EXPECT(t.fd == -1, "closed after -EPROTO");
}

/*
 * The simulated hardware: 64-bit aligned CLO/CHI pair, so that one
 * atomic store changes both (little-endian: CLO is the low word).
 */
static uint64_t block[PIGPIO_REGS_TIMER_WINDOW_SIZE / 8 + 1];
#define SIM_PAIR	(&block[1])
#define SIM_REGS	((const volatile uint32_t *)((char *)SIM_PAIR - \
				PIGPIO_REGS_TIMER_CLO))

#define WRAPS		2000u
#define STEPS_PER_WRAP	8u

static unsigned long reads;	/* reader's count, atomically */
static int done;		/* writer's last store made */

static void sim_store(uint64_t v)
{
	unsigned long seen = __atomic_load_n(&reads, __ATOMIC_ACQUIRE);

	__atomic_store_n(SIM_PAIR, v, __ATOMIC_RELEASE);
	/* The reader reads until it has left (failed, or read the last). */
	while (__atomic_load_n(&reads, __ATOMIC_ACQUIRE) < seen + 2 &&
	       !__atomic_load_n(&done, __ATOMIC_ACQUIRE))
		sched_yield();
}

/* Each wrap: a few counts either side of CLO's 2^32, one at a time. */
static void *writer(void *arg)
{
	unsigned w, s;

	(void)arg;
	for (w = 0; w < WRAPS; w++)
		for (s = 0; s < STEPS_PER_WRAP; s++)
			sim_store(((uint64_t)w << 32) + 0xfffffffcu + s);
	__atomic_store_n(&done, 2, __ATOMIC_RELEASE);
	return NULL;
}

static void test_wrap(void)
{
	struct pgr_timer t = { .regs = SIM_REGS, .fd = -1 };
	const uint64_t last = ((uint64_t)(WRAPS - 1) << 32) + 0xfffffffcu +
			      STEPS_PER_WRAP - 1;
	uint64_t prev, now, his = 0;
	pthread_t th;

	__atomic_store_n(SIM_PAIR, 0xfffffffcu, __ATOMIC_RELEASE);
	EXPECT(pthread_create(&th, NULL, writer, NULL) == 0, "thread");
	prev = pgr_timer_read(&t);
	for (;;) {
		now = pgr_timer_read(&t);
		__atomic_fetch_add(&reads, 1, __ATOMIC_ACQ_REL);
		if (now < prev || now - prev > 0xffffffffu) {
			__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
			break;
		}
		if (now >> 32 != prev >> 32)
			his++;
		prev = now;
		if (now == last)
			break;
	}
	/*
	 * Gone either way: the writer's wait for two more reads after its
	 * last store must end, or a reader that read that store once and
	 * left would leave it spinning (a hang seen once in a full run).
	 */
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	pthread_join(th, NULL);
	EXPECT(now == last, "torn or backward read: %#llx after %#llx",
	       (unsigned long long)now, (unsigned long long)prev);
	/* Every wrap was seen: each store waited for two reads. */
	EXPECT(his >= WRAPS - 1, "saw %llu of %u CLO wraps",
	       (unsigned long long)his, WRAPS - 1);
}

/*
 * The delay returns no sooner than asked, counted in simulated us: a
 * thread advances the count one by one, across a wrap, without waiting.
 */
static void *ticker(void *arg)
{
	uint64_t v;

	(void)arg;
	for (v = 0xffffff00u; !__atomic_load_n(&done, __ATOMIC_ACQUIRE); v++) {
		__atomic_store_n(SIM_PAIR, v, __ATOMIC_RELEASE);
		sched_yield();
	}
	return NULL;
}

static void test_delay(void)
{
	struct pgr_timer t = { .regs = SIM_REGS, .fd = -1 };
	uint64_t start, end, after;
	pthread_t th;

	__atomic_store_n(&done, 0, __ATOMIC_RELEASE);
	__atomic_store_n(SIM_PAIR, 0xffffff00u, __ATOMIC_RELEASE);
	EXPECT(pthread_create(&th, NULL, ticker, NULL) == 0, "thread");
	start = pgr_timer_read(&t);
	end = pgr_timer_delay_us(&t, 300);
	after = pgr_timer_read(&t);
	__atomic_store_n(&done, 1, __ATOMIC_RELEASE);
	pthread_join(th, NULL);
	EXPECT(end - start >= 300 && end <= after,
	       "start %#llx, end %#llx, then %#llx", (unsigned long long)start,
	       (unsigned long long)end, (unsigned long long)after);
	EXPECT(end >> 32 == 1, "the delay crossed the wrap: %#llx",
	       (unsigned long long)end);
}

static void cleanup(void)
{
	static const char *const names[] = { "timer", "short" };
	char path[64];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		printf("FAIL timer/setup: mkdtemp\n");
		return 1;
	}
	check_begin("timer/open-file");
	test_open_file();
	check_end();
	check_begin("timer/open-errors");
	test_open_errors();
	check_end();
	check_begin("timer/read-across-clo-wraps");
	test_wrap();
	check_end();
	check_begin("timer/delay");
	test_delay();
	check_end();
	cleanup();
	return check_exit();
}
