// SPDX-License-Identifier: GPL-2.0-only
/*
 * blink_trace PINS_FILE PIN -- COMMAND...: run COMMAND (a blink of PIN, e.g.
 * through setpriv as another user) under ptrace, and at every sleep it
 * enters, while it is stopped there, read the kernel pinctrl driver's view
 * of PIN from PINS_FILE. The levels seen must alternate, starting high:
 * every sleep follows one store.
 *
 * Sampling a running blink aliases or misses levels when the host is slow;
 * stepping it from sleep to sleep cannot: the blinker does not move while
 * its pin is read, however long that takes.
 *
 * Prints one "SAY" line with the levels seen and a "PASS"/"FAIL" line; exits
 * with COMMAND's exit status (or 1 when the trace itself failed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_SLEEPS	64

/* The calls a blink may wait in between two stores. */
static int is_sleep(unsigned long long nr)
{
	static const long sleeps[] = {
#ifdef SYS_nanosleep
		SYS_nanosleep,
#endif
#ifdef SYS_clock_nanosleep
		SYS_clock_nanosleep,
#endif
#ifdef SYS_clock_nanosleep_time64
		SYS_clock_nanosleep_time64,
#endif
#ifdef SYS_rt_sigtimedwait
		SYS_rt_sigtimedwait,
#endif
#ifdef SYS_rt_sigtimedwait_time64
		SYS_rt_sigtimedwait_time64,
#endif
#ifdef SYS_ppoll
		SYS_ppoll,
#endif
#ifdef SYS_ppoll_time64
		SYS_ppoll_time64,
#endif
	};
	size_t i;

	for (i = 0; i < sizeof(sleeps) / sizeof(sleeps[0]); i++)
		if (nr == (unsigned long long)sleeps[i])
			return 1;
	return 0;
}

/* 'h' or 'l' from the pinctrl "pins" line of PIN, '?' if none. */
static char pin_level(const char *pins_file, unsigned pin)
{
	char line[256], prefix[32];
	char level = '?';
	FILE *f = fopen(pins_file, "r");

	if (!f)
		return '?';
	snprintf(prefix, sizeof(prefix), "pin %u (gpio%u) ", pin, pin);
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, prefix, strlen(prefix)))
			continue;
		if (strstr(line, " in hi;"))
			level = 'h';
		else if (strstr(line, " in lo;"))
			level = 'l';
		break;
	}
	fclose(f);
	return level;
}

int main(int argc, char **argv)
{
	struct __ptrace_syscall_info info;
	char seen[MAX_SLEEPS + 1] = "";
	unsigned sleeps = 0, bad = 0, pin;
	int status, sig = 0, exit_status = 1;
	pid_t child;

	if (argc < 5 || strcmp(argv[3], "--")) {
		fprintf(stderr, "usage: blink_trace PINS_FILE PIN -- COMMAND...\n");
		return 2;
	}
	pin = (unsigned)strtoul(argv[2], NULL, 10);

	child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL)) {
			perror("PTRACE_TRACEME");
			_exit(126);
		}
		raise(SIGSTOP);
		execvp(argv[4], argv + 4);
		perror(argv[4]);
		_exit(127);
	}
	if (waitpid(child, &status, 0) != child || !WIFSTOPPED(status)) {
		printf("FAIL blink under trace: the child did not stop\n");
		return 1;
	}
	ptrace(PTRACE_SETOPTIONS, child, NULL,
	       (void *)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));

	/* The first stop, the child's own SIGSTOP, is not passed on. */
	for (;;) {
		if (ptrace(PTRACE_SYSCALL, child, NULL, (void *)(long)sig) < 0 ||
		    waitpid(child, &status, 0) != child)
			break;
		sig = 0;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			exit_status = WIFEXITED(status) ? WEXITSTATUS(status) :
				      128 + WTERMSIG(status);
			break;
		}
		if (WSTOPSIG(status) != (SIGTRAP | 0x80)) {
			/* A signal for the child, passed on; exec's SIGTRAP is not. */
			if (WSTOPSIG(status) != SIGTRAP)
				sig = WSTOPSIG(status);
			continue;
		}
		if (ptrace(PTRACE_GET_SYSCALL_INFO, child,
			   (void *)sizeof(info), &info) <= 0 ||
		    info.op != PTRACE_SYSCALL_INFO_ENTRY ||
		    !is_sleep(info.entry.nr))
			continue;
		/* Stopped at the entry of a sleep: the last store is done. */
		if (sleeps < MAX_SLEEPS) {
			char want = sleeps % 2 ? 'l' : 'h';
			char got = pin_level(argv[1], pin);

			seen[sleeps] = got;
			seen[sleeps + 1] = '\0';
			if (got != want)
				bad++;
		}
		sleeps++;
	}

	printf("SAY blink under trace: %u sleeps, pinctrl saw %s (h = hi, l = lo), exit %d\n",
	       sleeps, seen, exit_status);
	if (sleeps >= 4 && !bad && exit_status == 0)
		printf("PASS blink stepped sleep by sleep: pinctrl saw hi, lo, hi, lo ... (%u sleeps)\n",
		       sleeps);
	else
		printf("FAIL blink stepped sleep by sleep: pinctrl saw hi, lo, hi, lo ...: %u sleeps, %u wrong, exit %d\n",
		       sleeps, bad, exit_status);
	return exit_status ? exit_status : bad || sleeps < 4;
}
