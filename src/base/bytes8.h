/* bytes8.h — text read eight bytes at a time: a word's bytes tested
 * together, as the hot loops (keys, line breaks, the UTF-8 scan) need. */
#ifndef TIPR_BYTES8_H
#define TIPR_BYTES8_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define BYTES8(b) (0x0101010101010101u * (b))

/* The eight bytes at p, the first in the low byte on any machine. */
static inline uint64_t bytes8_load(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* Top bit set in each byte of x (bytes under 0x80) that is in lo..hi: exact,
 * as no byte borrows from its neighbour. */
static inline uint64_t bytes8_in(uint64_t x, unsigned char lo, unsigned char hi)
{
	return ((x | BYTES8(0x80)) - BYTES8(lo)) & (BYTES8(0x80 + hi) - x) & BYTES8(0x80);
}

/* How many bytes, from the first, have their top bit set in m. */
static inline unsigned bytes8_run(uint64_t m)
{
	uint64_t stop = ~m & BYTES8(0x80);

	return stop ? (unsigned)__builtin_ctzll(stop) / 8 : 8;
}

/* How many of the eight bytes of w, from the first, are b. */
static inline unsigned bytes8_same(uint64_t w, unsigned char b)
{
	uint64_t x = w ^ BYTES8(b);

	return x ? (unsigned)__builtin_ctzll(x) / 8 : 8;
}

/* How many of the eight bytes of w, from the first, are ASCII letters. */
static inline unsigned bytes8_letters(uint64_t w)
{
	return bytes8_run(bytes8_in((w & BYTES8(0x7F)) | BYTES8(0x20), 'a', 'z') & ~w);
}

/* How many of the eight bytes of w, from the first, are ASCII letters or
 * digits. */
static inline unsigned bytes8_alnum(uint64_t w)
{
	uint64_t x = w & BYTES8(0x7F);

	return bytes8_run((bytes8_in(x | BYTES8(0x20), 'a', 'z') | bytes8_in(x, '0', '9')) & ~w);
}

/* Whether the eight bytes at s are all printable ASCII (a byte under 0x20
 * borrows, 0x7F carries, 0x80 and up has its top bit: each sets a top bit;
 * a borrow or carry spilling into the next byte only answers false for a
 * word a byte-at-a-time test would take). */
static inline bool bytes8_printable(const char *s)
{
	uint64_t v;

	memcpy(&v, s, 8);
	return !(((v - BYTES8(0x20)) | v | (v + BYTES8(0x01))) & BYTES8(0x80));
}

#endif
