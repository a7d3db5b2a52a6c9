/* yamlout.c — the YAML writer over libyaml's emitter, and quoted text without it. */
#include "config.h"

#include "base/yamlout.h"

#include <string.h>

#include "base/utf8.h"
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

void yamlout_quoted(struct strbuf *sb, const char *s)
{
	size_t len = strlen(s), i = 0, run = 0;

	sb_addc(sb, '"');
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		int32_t cp = b;
		size_t n = 1;

		/* Printable ASCII and ordinary UTF-8 go out in runs. */
		if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
			i++;
			continue;
		}
		if (b >= 0x80) {
			n = utf8_next(s + i, len - i, &cp);
			if (cp >= 0xA0 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp != 0xFFFE &&
			    cp != 0xFFFF) {
				i += n;
				continue;
			}
			if (cp < 0)
				cp = 0xFFFD;
		}
		sb_add(sb, s + run, i - run);
		if (cp == '"' || cp == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)cp);
		} else if (cp == '\n') {
			sb_adds(sb, "\\n");
		} else if (cp == '\t') {
			sb_adds(sb, "\\t");
		} else {
			sb_addf(sb, cp < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
		}
		i += n;
		run = i;
	}
	sb_add(sb, s + run, i - run);
	sb_addc(sb, '"');
}
