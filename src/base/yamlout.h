/* yamlout.h — writing YAML with libyaml's emitter: block style, UTF-8
 * unescaped, lines never folded (text round-trips exactly).  Shared by the
 * document writer (tipr import) and the annotation store.  Every function
 * returns false once the emitter has failed (a write error), so calls chain
 * with &&. */
#ifndef TIPR_YAMLOUT_H
#define TIPR_YAMLOUT_H

#include <stdbool.h>
#include <stdio.h>

#include <yaml.h>

#include "base/util.h"

/* Starts a stream and its one document written to out; the top-level map
 * is opened.  Always pair with yamlout_finish(), which releases e. */
bool yamlout_begin(yaml_emitter_t *e, FILE *out);
/* Closes the top-level map, the document and the stream, flushes, and
 * releases the emitter; ok is the result so far (false skips the writing). */
bool yamlout_finish(yaml_emitter_t *e, bool ok);

bool yamlout_scalar(yaml_emitter_t *e, const char *s, yaml_scalar_style_t style);
/* key: value, the key plain. */
bool yamlout_pair(yaml_emitter_t *e, const char *key, const char *value, yaml_scalar_style_t style);
/* Opens (start) or closes a block mapping (map) or sequence. */
bool yamlout_block(yaml_emitter_t *e, bool map, bool start);

/* Appends s (valid UTF-8) to sb as a YAML double-quoted scalar on one line,
 * without the emitter, for files written often and whole (the annotations,
 * the reader's place): '"', '\\', every control character and what YAML
 * would take as a line break (U+0085, U+2028, U+2029) or not accept as text
 * (U+FEFF, U+FFFE, U+FFFF) escaped, the rest as it is, so that any YAML
 * parser reads back exactly s. */
void yamlout_quoted(struct strbuf *sb, const char *s);

#endif
