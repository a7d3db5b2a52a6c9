/* utf8.h — strict UTF-8 decoding and encoding. */
#ifndef TIPR_UTF8_H
#define TIPR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


/* Decodes the code point at s (len >= 1 bytes available) into *cp and returns
 * the bytes consumed.  An invalid, overlong, surrogate or truncated sequence
 * yields *cp = -1 and consumes 1 byte, so callers can resynchronise. */
size_t utf8_next(const char *s, size_t len, int32_t *cp);
/* Writes cp (a valid scalar value) as 1-4 bytes; returns the count. */
size_t utf8_encode(int32_t cp, char out[4]);
/* True when s[0..len) is valid UTF-8; otherwise *bad (if non-NULL) gets the
 * offset of the first invalid byte. */
bool utf8_valid(const char *s, size_t len, size_t *bad);
/* The length of the run of printable ASCII (0x20 to 0x7E) that s[0..len)
 * starts with: most of the text, measured eight bytes at a time. */
size_t utf8_printable_run(const char *s, size_t len);
/* Line (1-based) and column (1-based, in code points) of byte offset off in s. */
void utf8_position(const char *s, size_t off, unsigned *line, unsigned *col);

#endif
