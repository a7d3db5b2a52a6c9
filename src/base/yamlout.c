/* yamlout.c — the YAML writer over libyaml's emitter. */
#include "config.h"

#include "base/yamlout.h"

#include <string.h>

#include "base/util.h"

static bool emit(yaml_emitter_t *e, yaml_event_t *ev)
{
	return yaml_emitter_emit(e, ev) != 0;
}

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	return fwrite(buffer, 1, size, (FILE *)data) == size;
}

bool yamlout_begin(yaml_emitter_t *e, FILE *out)
{
	yaml_event_t ev;

	if (!yaml_emitter_initialize(e))
		die("cannot initialise the YAML emitter: out of memory");
	yaml_emitter_set_output(e, write_handler, out);
	yaml_emitter_set_unicode(e, 1);
	yaml_emitter_set_width(e, -1);
	yaml_emitter_set_indent(e, 2);
	return yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && emit(e, &ev) &&
	       yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) && emit(e, &ev) &&
	       yamlout_block(e, true, true);
}

bool yamlout_finish(yaml_emitter_t *e, bool ok)
{
	yaml_event_t ev;

	ok = ok && yamlout_block(e, true, false) && yaml_document_end_event_initialize(&ev, 1) &&
	     emit(e, &ev) && yaml_stream_end_event_initialize(&ev) && emit(e, &ev) && yaml_emitter_flush(e);
	yaml_emitter_delete(e);
	return ok;
}

bool yamlout_scalar(yaml_emitter_t *e, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	return yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, style) &&
	       emit(e, &ev);
}

bool yamlout_pair(yaml_emitter_t *e, const char *key, const char *value, yaml_scalar_style_t style)
{
	return yamlout_scalar(e, key, YAML_PLAIN_SCALAR_STYLE) && yamlout_scalar(e, value, style);
}

bool yamlout_block(yaml_emitter_t *e, bool map, bool start)
{
	yaml_event_t ev;
	int ok;

	if (start)
		ok = map ? yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE)
			 : yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	else
		ok = map ? yaml_mapping_end_event_initialize(&ev) : yaml_sequence_end_event_initialize(&ev);
	return ok && emit(e, &ev);
}
