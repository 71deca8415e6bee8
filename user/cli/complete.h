/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shell completion from the parser's own tables (args.h): the bash script
 * in user/completion asks `pigpio-regs __complete WORDS...` and offers
 * what this prints.
 */
#ifndef PGR_CLI_COMPLETE_H
#define PGR_CLI_COMPLETE_H

struct linenames;

/* What emit() gets instead of words: complete a file or a directory name. */
#define COMPLETE_FILE	"@file"
#define COMPLETE_DIR	"@dir"

/*
 * The words that may come next. words[0..nwords-2] are the words after
 * the program name, words[nwords-1] the word being completed (possibly
 * empty); soc is the chip's ("bcm2837", "rp1"; NULL when not known: every
 * chip's words), pins are 0 to ngpio - 1, and where a pin may come, the
 * device tree's line names of ln (NULL: none) that name one pin below
 * ngpio and that the parser takes as that pin. Pure: calls emit() once
 * per word and does nothing else.
 */
void complete_words(int nwords, char *const words[], const char *soc,
		    unsigned ngpio, const struct linenames *ln,
		    void (*emit)(const char *word, void *ctx), void *ctx);

#endif /* PGR_CLI_COMPLETE_H */
