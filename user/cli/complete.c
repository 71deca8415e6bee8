// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shell completion for pigpio-regs, from the parser's tables: the verbs,
 * each verb's options and the kinds of its words (args.h). A word that
 * repeats (set's ops, detect's kinds) is offered only if the parser would
 * take it after the words already given (and the options given: detect's
 * kinds other than none only with --force), so completion never proposes a
 * command line the parser refuses; when the chip is known (its soc from
 * sysfs), what it refuses (alt6-alt8, no, drive and slew on a BCM chip)
 * is not offered either.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "complete.h"
#include "linenames.h"

typedef void (*emit_fn)(const char *word, void *ctx);

static void emit_verbs(emit_fn emit, void *ctx)
{
	const struct verb_spec *verbs;
	size_t n, v;

	verbs = args_verbs(&n);
	for (v = 0; v < n; v++)
		emit(verbs[v].name, ctx);
}

/*
 * The pin numbers, then the line names that are one pin's and mean it
 * (a name that is also one of the CLI's spellings keeps the CLI's
 * meaning: offered only if that is the same pin).
 */
static void emit_pins(unsigned ngpio, const struct linenames *ln,
		      emit_fn emit, void *ctx)
{
	char word[16], err[ARGS_ERR_SIZE];
	unsigned pin, line, other;

	for (pin = 0; pin < ngpio && pin < 64; pin++) {
		snprintf(word, sizeof(word), "%u", pin);
		emit(word, ctx);
	}
	for (pin = 0; ln && pin < ln->count && pin < ngpio; pin++) {
		const char *name = ln->name[pin];

		if (!name[0] || linenames_find(ln, name, &line, &other) != 0 ||
		    line != pin || strchr(name, ','))
			continue;
		if (args_parse_pin(name, &line, err, sizeof(err)) == 0 &&
		    line != pin)
			continue;
		emit(name, ctx);
	}
}

/* The options: before a verb every one; after it those the verb takes. */
static void emit_options(const struct verb_spec *spec, emit_fn emit,
			 void *ctx)
{
	size_t i;

	for (i = 0; args_options[i].name; i++)
		if (!spec || (args_options[i].option &
			      (spec->options | OPT_GLOBAL)))
			emit(args_options[i].name, ctx);
	if (!spec)
		emit("--version", ctx);
}

/* The option taking a value that word is (without "="), or NULL. */
static const struct option_spec *value_option(const char *word)
{
	size_t i;

	for (i = 0; args_options[i].name; i++)
		if (args_options[i].value &&
		    strcmp(word, args_options[i].name) == 0)
			return &args_options[i];
	return NULL;
}

/* What the words say about the chip and the options, for parser_takes(). */
struct context {
	const char *soc;	/* NULL: not known, offer every chip's words */
	unsigned ngpio;
	const struct linenames *ln;
	bool force;		/* --force among the words */
};

/*
 * Whether the verb's parser takes words[0..n-1] and then word, with the
 * options given (args_check_options()) and, when the chip is known, on
 * that chip (args_check_chip(): a BCM chip refuses alt6 or d8).
 */
static bool parser_takes(const struct verb_spec *spec, char *const *pos,
			 int n, const char *word, const struct context *c)
{
	const char *trial[ARGS_MAX + 2];
	char err[ARGS_ERR_SIZE];
	struct command cmd;
	int i;

	if (n > ARGS_MAX)
		return false;
	for (i = 0; i < n; i++)
		trial[i] = pos[i];
	trial[n] = word;
	trial[n + 1] = NULL;
	memset(&cmd, 0, sizeof(cmd));
	cmd.verb = spec->verb;
	cmd.force = c->force;
	if (spec->parse(n + 1, (char *const *)trial, &cmd, err,
			sizeof(err)) != 0 ||
	    args_check_options(&cmd, err, sizeof(err)) != 0)
		return false;
	/* The block size matters to peek only, which has no repeated word. */
	return !c->soc || args_check_chip(&cmd, c->soc, c->ngpio, SIZE_MAX,
					  err, sizeof(err)) == 0;
}

static void emit_kind(const struct verb_spec *spec, enum arg_kind kind,
		      char *const *pos, int n, bool repeated,
		      const struct context *c, emit_fn emit, void *ctx)
{
	const char *const *words = args_words(kind);
	unsigned ngpio = c->ngpio;

	switch (kind) {
	case ARG_PINS:
	case ARG_PIN:
		emit_pins(ngpio, c->ln, emit, ctx);
		return;
	case ARG_VERB:
		emit_verbs(emit, ctx);
		return;
	case ARG_EVENTS_FIRST:
		emit("clear", ctx);
		emit_pins(ngpio, c->ln, emit, ctx);
		return;
	default:
		break;
	}
	for (; words && *words; words++)
		if (!repeated || parser_takes(spec, pos, n, *words, c))
			emit(*words, ctx);
}

void complete_words(int nwords, char *const words[], const char *soc,
		    unsigned ngpio, const struct linenames *ln, emit_fn emit,
		    void *ctx)
{
	struct context c = { soc, ngpio, ln, false };
	const struct verb_spec *spec = NULL;
	const struct option_spec *opt;
	char *pos[ARGS_MAX + 1];	/* the verb's words so far */
	const char *cur;
	enum arg_kind kind;
	bool options_end = false;
	int i, n = 0, k;

	if (nwords < 1)
		return;
	cur = words[nwords - 1];
	/* The verb's words, options set aside. */
	for (i = 0; i < nwords - 1; i++) {
		const char *w = words[i];

		if (!options_end && w[0] == '-' && w[1] != '\0') {
			if (strcmp(w, "--") == 0)
				options_end = true;
			else if (strcmp(w, "--force") == 0)
				c.force = true;
			else if (value_option(w))
				i++;	/* its value */
			continue;
		}
		if (!spec) {
			spec = args_find_verb(w);
			if (!spec)
				return;	/* an unknown verb: nothing fits */
			continue;
		}
		if (n < ARGS_MAX)
			pos[n++] = (char *)w;
	}

	/* The value of an option given as "--name VALUE". */
	if (nwords >= 2 && !options_end) {
		opt = value_option(words[nwords - 2]);
		if (opt) {
			if (!strcmp(opt->value, "PATH"))
				emit(COMPLETE_FILE, ctx);
			else if (!strcmp(opt->value, "DIR"))
				emit(COMPLETE_DIR, ctx);
			return;	/* a number: nothing to offer */
		}
	}
	if (!options_end && cur[0] == '-') {
		emit_options(spec, emit, ctx);
		return;
	}
	if (!spec) {
		emit_verbs(emit, ctx);
		return;
	}

	for (k = 0; k < 4 && spec->args[k] != ARG_END; k++)
		;
	if (n < k) {
		kind = spec->args[n];
	} else if (k > 0 && spec->repeat_last) {
		kind = spec->args[k - 1];
	} else {
		return;
	}
	/* events clear PINS: a pin list only after "clear". */
	if (spec->args[0] == ARG_EVENTS_FIRST && n == 1 &&
	    strcmp(pos[0], "clear") != 0)
		return;
	emit_kind(spec, kind, pos, n, spec->repeat_last && n >= k - 1 &&
		  n > 0, &c, emit, ctx);
}
