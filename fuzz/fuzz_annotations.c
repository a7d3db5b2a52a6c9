/* fuzz_annotations.c — the annotation store's loader on arbitrary bytes: the
 * file is read (or moved aside as corrupt, with a reason), every annotation
 * is listed in every order and placed in a narrative, and every place found
 * lies inside the text it points into. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "notes/annotations.h"
#include "content/document.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A narrative the annotations can be placed in: North Korea 2022's
 * Prosecution section and two recommendations, with a non-ASCII word. */
static struct document *narrative(void)
{
	static const char *const paras[] = {
		"The government did not report any law enforcement efforts. It is unclear whether DPRK laws "
		"criminalized sex trafficking or labor trafficking. Fair trials did not occur in the DPRK.",
		"The government did not provide law enforcement data; there were no known investigations, "
		"prosecutions, or convictions of traffickers in C\xc3\xb4te d\xe2\x80\x99Ivoire or elsewhere.",
	};
	static const char *const items[] = {
		"End the use of forced labor, including in prison camps.",
		"Eliminate coercion tactics used to monitor and limit the movements and communications of workers.",
	};
	struct document *doc = document_new();
	struct section *s;

	document_set(doc, "korea-north", 2022, TIER_3, "North Korea", NULL, true);
	s = document_add_section(doc, "prosecution", "Prosecution");
	for (size_t i = 0; i < 2; i++)
		section_add_para(doc, s, paras[i], strlen(paras[i]));
	s = document_add_section(doc, "recommendations", "Prioritized Recommendations");
	for (size_t i = 0; i < 2; i++)
		section_add_item(doc, s, items[i], strlen(items[i]));
	return doc;
}

/* Empties the store's directory: the file, what was moved aside, the lock. */
static void clear_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = path_join(dir, e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
}

static char dir[64];

static void remove_dir(void)
{
	clear_dir(dir);
	rmdir(dir);
}

static void check_anchor(const struct document *doc, const struct ann_anchor *a)
{
	const struct section *s;
	const char *text;

	if (a->kind == ANN_ANCHOR_ORPHAN)
		return;
	if (a->section < 0 || (size_t)a->section >= doc->n_sections)
		abort();
	s = &doc->sections[a->section];
	if (a->item ? a->index >= s->n_items : a->index >= s->n_paras)
		abort();
	text = a->item ? s->items[a->index] : s->paras[a->index];
	if (a->start > a->end || a->end > strlen(text))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct document *doc;
	static const enum ann_sort sorts[] = { ANN_SORT_DOCUMENT, ANN_SORT_CREATED, ANN_SORT_UPDATED,
					       ANN_SORT_COLOR };
	struct ann_filter filter = { .text = "trafficking" };
	struct ann_highlight *hl;
	struct ann_store *st;
	enum ann_status res;
	char *path;
	size_t n;
	FILE *f;

	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/tipr-fuzz-annotations-%ld", (long)getpid());
		mkdir(dir, 0700);
		atexit(remove_dir);
		doc = narrative();
	}
	clear_dir(dir);
	path = path_join(dir, "annotations.yaml");
	f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	st = ann_store_new(path);
	res = ann_store_load(st);
	/* A file refused is moved aside, and the store says why. */
	if (res == ANN_CORRUPT && !ann_store_diags(st)->n)
		abort();
	for (size_t k = 0; k < sizeof(sorts) / sizeof(sorts[0]); k++) {
		const struct annotation **list;

		n = ann_list(st, k ? NULL : &filter, sorts[k], &list);
		for (size_t i = 0; i < n; i++) {
			struct ann_anchor a;

			ann_resolve(list[i], doc, &a);
			check_anchor(doc, &a);
		}
		free(list);
	}
	n = ann_resolve_document(st, "tip", doc, &hl, NULL);
	for (size_t i = 0; i < n; i++)
		check_anchor(doc, &hl[i].anchor);
	free(hl);
	ann_store_free(st);
	free(path);
	return 0;
}
