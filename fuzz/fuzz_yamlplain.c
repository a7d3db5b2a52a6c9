/* fuzz_yamlplain.c — yaml_parse's fast path against libyaml: whenever the
 * fast path accepts an input, the tree must be the one libyaml's events
 * build, node for node, text, style and position.  libyaml's tree is had by
 * ending the input with a comment, which the fast path never accepts and
 * which changes nothing else. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/yamltree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void differ(const struct ynode *a, const struct ynode *b, const char *what)
{
	fprintf(stderr, "fast path and libyaml differ in %s at %u:%u (libyaml %u:%u)\n", what,
		a->line, a->col, b->line, b->col);
	abort();
}

static void same_tree(const struct ynode *a, const struct ynode *b)
{
	if (a->kind != b->kind)
		differ(a, b, "kind");
	if (a->line != b->line || a->col != b->col)
		differ(a, b, "position");
	if (a->kind == YNODE_SCALAR) {
		if (a->len != b->len || memcmp(a->str, b->str, a->len) || a->str[a->len] ||
		    a->plain != b->plain)
			differ(a, b, "text");
		return;
	}
	if (a->n != b->n)
		differ(a, b, "size");
	for (size_t i = 0; i < (a->kind == YNODE_MAP ? 2 * a->n : a->n); i++)
		same_tree(a->items[i], b->items[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char comment[] = "# libyaml\n";
	const char *text = (const char *)data;
	struct arena *a;
	struct ynode *fast;

	/* The fast path is given only what yaml_parse gives it: valid UTF-8. */
	if (!utf8_valid(text, size, NULL))
		return 0;
	a = arena_new();
	if ((fast = yaml_parse_plain(text, size, &yaml_content_limits, a))) {
		char *slow_text = malloc(size + sizeof(comment));
		struct diags d = {0};
		struct ynode *slow;

		if (!slow_text)
			abort();
		memcpy(slow_text, text, size);
		memcpy(slow_text + size, comment, sizeof(comment));
		slow = yaml_parse("fuzz.yaml", slow_text, size + sizeof(comment) - 1, &yaml_content_limits,
				  a, &d);
		if (!slow) {
			fprintf(stderr, "libyaml refuses what the fast path accepted: %s\n",
				d.n ? d.v[0].msg : "?");
			abort();
		}
		same_tree(fast, slow);
		diags_free(&d);
		free(slow_text);
	}
	arena_free(a);
	return 0;
}
