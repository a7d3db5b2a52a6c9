/* textsafe.h — make untrusted text inert before it reaches a terminal.
 *
 * Control characters (C0 but newline and tab, DEL, C1), bidi controls
 * (UCHAR_BIDI_CONTROL) and invisible format characters (U+200B-U+200D,
 * U+2028, U+2029, U+FEFF, the tags U+E0000-U+E007F: text that hides in
 * plain sight) become visible placeholders the way less shows them ("^[",
 * "<U+202E>", "<U+200B>"); invalid UTF-8 becomes U+FFFD.  Both the batch
 * commands and the curses drawer go through here. */
#ifndef TIPR_TEXTSAFE_H
#define TIPR_TEXTSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/util.h"

/* The placeholder for cp written into out (NUL-terminated), or 0 when cp is
 * safe to draw as is.  cp = -1 (invalid UTF-8) yields U+FFFD. */
size_t textsafe_placeholder(int32_t cp, char out[16]);
/* What kind of unsafe code point cp is, for messages ("control character",
 * "bidi control", "invisible format character", "invalid UTF-8"); NULL when
 * it is safe. */
const char *textsafe_kind(int32_t cp);
/* Appends s[0..len) to sb with every unsafe code point replaced. */
void textsafe_append(struct strbuf *sb, const char *s, size_t len);
/* A new inert copy of s[0..len); the caller frees it. */
char *textsafe_dup(const char *s, size_t len);
/* Writes s to f inertly (no allocation for text that needs no change). */
void textsafe_fputs(const char *s, FILE *f);

#endif
