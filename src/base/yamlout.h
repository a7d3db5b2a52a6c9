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

#endif
