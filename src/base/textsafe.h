/* textsafe.h — make untrusted text inert before it reaches a terminal.
 *
 * Control characters (C0 but newline and tab, DEL, C1) and bidi controls
 * (UCHAR_BIDI_CONTROL) become visible placeholders the way less shows them
 * ("^[", "<U+202E>"); invalid UTF-8 becomes U+FFFD.  Both the batch
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
/* Appends s[0..len) to sb with every unsafe code point replaced. */
void textsafe_append(struct strbuf *sb, const char *s, size_t len);
/* A new inert copy of s[0..len); the caller frees it. */
char *textsafe_dup(const char *s, size_t len);
/* Writes s to f inertly (no allocation for text that needs no change). */
void textsafe_fputs(const char *s, FILE *f);

#endif
