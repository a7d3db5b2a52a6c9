/* test_annotations.c — the annotation store: exact round trips, merging
 * between two readers, tombstones, corrupt files, crash safety under SIGKILL
 * and two processes writing at once. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <cmocka.h>

#include "notes/annotations.h"
#include "content/document.h"
#include "base/icu.h"
#include "base/paths.h"
#include "base/util.h"
#include "base/diag.h"

static struct document *doc;
static char tmpdir[] = "/tmp/tipr-annotations-XXXXXX";
static char *path;
static int prosecution, recommendations;

/* Removes dir and everything under it (the tests' own temporary tree). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat sb;
		char *p;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = path_join(dir, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

/* A fresh, empty directory for the file of each test. */
static int fresh(void **state)
{
	(void)state;
	remove_tree(tmpdir);
	return mkdir(tmpdir, 0700);
}

static int setup(void **state)
{
	char *p = path_join(TIPR_SRCDIR, "content/tip/2022/korea-north.yaml");
	struct diags d = {0};

	(void)state;
	doc = document_load(p, &d);
	free(p);
	diags_free(&d);
	if (!doc || !mkdtemp(tmpdir))
		return -1;
	path = path_join(tmpdir, "data/tipr/annotations.yaml");
	prosecution = document_section_index(doc, "prosecution");
	recommendations = document_section_index(doc, "recommendations");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(tmpdir);
	document_free(doc);
	free(path);
	icu_cleanup();
	return 0;
}

static char *data_dir(void)
{
	return path_join(tmpdir, "data/tipr");
}

/* Adds an annotation on bytes [start, end) of the prosecution paragraph. */
static const struct annotation *add(struct ann_store *st, size_t start, size_t end, const char *note)
{
	const struct annotation *a = NULL;

	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, start, end, ANN_BLUE, note, &a),
			 ANN_OK);
	assert_non_null(a);
	return a;
}

static struct ann_store *loaded(void)
{
	struct ann_store *st = ann_store_new(path);

	assert_int_equal(ann_store_load(st), ANN_OK);
	return st;
}

static void assert_same(const struct annotation *a, const struct annotation *b)
{
	assert_string_equal(a->id, b->id);
	assert_string_equal(a->collection, b->collection);
	assert_string_equal(a->country, b->country);
	assert_int_equal(a->year, b->year);
	assert_string_equal(a->section, b->section);
	assert_int_equal(a->item, b->item);
	assert_int_equal(a->index, b->index);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_string_equal(a->quote, b->quote);
	assert_string_equal(a->prefix, b->prefix);
	assert_string_equal(a->suffix, b->suffix);
	assert_int_equal(a->color, b->color);
	assert_string_equal(a->note, b->note);
	assert_string_equal(a->created, b->created);
	assert_string_equal(a->updated, b->updated);
	assert_string_equal(a->deleted, b->deleted);
}

static void test_round_trip(void **state)
{
	static const char *const notes[] = {
		"",
		"Ünïcödé — “curly” and 'straight' quotes, 北朝鮮, emoji 🙂",
		"line one\nline two\n\n  indented: yes # not a comment\n",
		"  leading and trailing spaces  ",
		"- looks like a list\n---\n...\n\"quoted\" \\ backslash\ttab",
		"control \x01 and bidi \xe2\x80\xae kept as written",
		"null",
		"123",
	};
	struct ann_store *st = ann_store_new(path), *again;
	const struct annotation *item = NULL;
	enum ann_color green = ANN_GREEN;

	(void)state;
	assert_int_equal(ann_store_load(st), ANN_OK); /* no file yet */
	for (size_t i = 0; i < ARRAY_SIZE(notes); i++)
		add(st, i, 20 + i, notes[i]);
	assert_int_equal(ann_add(st, "tip", doc, recommendations, true, 5, 0, 12, ANN_PURPLE, "item",
				 &item), ANN_OK);
	assert_string_equal(item->quote, "Criminalize ");
	assert_int_equal(ann_update(st, ann_store_at(st, 1)->id, NULL, &green), ANN_OK);
	again = loaded();
	assert_int_equal(ann_store_count(again), ARRAY_SIZE(notes) + 1);
	for (size_t i = 0; i < ann_store_count(st); i++)
		assert_same(ann_store_at(st, i), ann_store_find(again, ann_store_at(st, i)->id));
	assert_int_equal(ann_store_find(again, ann_store_at(st, 1)->id)->color, ANN_GREEN);
	ann_store_free(st);
	ann_store_free(again);
}

static void test_invalid_arguments(void **state)
{
	struct ann_store *st = ann_store_new(path);
	size_t len = strlen(doc->sections[prosecution].paras[0]);

	(void)state;
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 5, 5, ANN_RED, "", NULL),
			 ANN_INVALID);
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 0, len + 1, ANN_RED, "", NULL),
			 ANN_INVALID);
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 9, 0, 1, ANN_RED, "", NULL),
			 ANN_INVALID);
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 0, 4, ANN_RED, "\xff", NULL),
			 ANN_INVALID);
	assert_int_equal(ann_update(st, "000000000000", "x", NULL), ANN_NOTFOUND);
	assert_int_equal(ann_store_count(st), 0);
	ann_store_free(st);
}

static void test_delete_and_undo(void **state)
{
	struct ann_store *st = ann_store_new(path), *other;
	struct annotation removed;
	char id[ANN_ID_LEN + 1];

	(void)state;
	strcpy(id, add(st, 0, 10, "keep me")->id);
	assert_int_equal(ann_delete(st, id, &removed), ANN_OK);
	assert_string_equal(removed.note, "keep me");
	assert_null(ann_store_find(st, id));
	assert_int_equal(ann_delete(st, id, NULL), ANN_NOTFOUND);
	other = loaded();
	assert_null(ann_store_find(other, id));
	assert_int_equal(ann_store_count(other), 1); /* the tombstone */
	ann_store_free(other);
	assert_int_equal(ann_restore(st, &removed), ANN_OK);
	other = loaded();
	assert_non_null(ann_store_find(other, id));
	assert_string_equal(ann_store_find(other, id)->note, "keep me");
	assert_string_equal(ann_store_find(other, id)->created, removed.created);
	ann_done(&removed);
	ann_store_free(other);
	ann_store_free(st);
}

static void test_two_readers_merge(void **state)
{
	struct ann_store *a = ann_store_new(path), *b, *check;
	char x[ANN_ID_LEN + 1], y[ANN_ID_LEN + 1];

	(void)state;
	strcpy(x, add(a, 0, 10, "x")->id);
	strcpy(y, add(a, 10, 20, "y")->id);
	b = loaded();
	/* a deletes x; b, which still holds x, edits y and adds z: x must stay
	 * deleted, and both sets of changes must survive. */
	assert_int_equal(ann_delete(a, x, NULL), ANN_OK);
	assert_int_equal(ann_update(b, y, "y by b", NULL), ANN_OK);
	add(b, 20, 30, "z");
	assert_null(ann_store_find(b, x));
	/* b no longer sees x, so editing it is refused rather than resurrecting it. */
	assert_int_equal(ann_update(b, x, "too late", NULL), ANN_NOTFOUND);
	/* The later change wins: a edits y after b did. */
	assert_int_equal(ann_update(a, y, "y by a", NULL), ANN_OK);
	check = loaded();
	assert_null(ann_store_find(check, x));
	assert_string_equal(ann_store_find(check, y)->note, "y by a");
	assert_int_equal(ann_store_count(check), 3);
	/* Reloading b merges a's later edit in. */
	assert_int_equal(ann_store_load(b), ANN_OK);
	assert_string_equal(ann_store_find(b, y)->note, "y by a");
	ann_store_free(a);
	ann_store_free(b);
	ann_store_free(check);
}

/* A save copies the entries it wrote before as they were written: one that
 * changed since, here or in another reader, is written anew. */
static void test_saved_text_follows_changes(void **state)
{
	struct ann_store *a = ann_store_new(path), *b, *check;
	char x[ANN_ID_LEN + 1];
	enum ann_color red = ANN_RED;

	(void)state;
	strcpy(x, add(a, 0, 10, "x by a")->id);
	b = loaded();
	assert_int_equal(ann_update(b, x, "x by b", &red), ANN_OK);
	/* a's next save merges b's x in and must write that, not its own copy. */
	add(a, 10, 20, "y");
	check = loaded();
	assert_string_equal(ann_store_find(check, x)->note, "x by b");
	assert_int_equal(ann_store_find(check, x)->color, ANN_RED);
	ann_store_free(check);
	/* A change here: written anew too. */
	assert_int_equal(ann_update(a, x, "x by a again", NULL), ANN_OK);
	check = loaded();
	assert_string_equal(ann_store_find(check, x)->note, "x by a again");
	ann_store_free(check);
	assert_int_equal(ann_delete(a, x, NULL), ANN_OK);
	check = loaded();
	assert_null(ann_store_find(check, x));
	ann_store_free(check);
	ann_store_free(a);
	ann_store_free(b);
}

static void test_list_filter_sort(void **state)
{
	struct ann_store *st = ann_store_new(path);
	const struct annotation **v;
	struct ann_filter f = { .text = "FORCÉD" };
	struct ann_highlight *h;
	size_t n, orphans;

	(void)state;
	add(st, 100, 120, "second in the text");
	add(st, 0, 10, "first in the text, about forced labor");
	n = ann_list(st, NULL, ANN_SORT_DOCUMENT, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0]->start, 0);
	free(v);
	n = ann_list(st, NULL, ANN_SORT_CREATED, &v);
	assert_int_equal(v[0]->start, 100);
	free(v);
	n = ann_list(st, &f, ANN_SORT_DOCUMENT, &v);
	assert_int_equal(n, 1);
	assert_int_equal(v[0]->start, 0);
	free(v);
	f = (struct ann_filter){ .country = "kenya" };
	assert_int_equal(ann_list(st, &f, ANN_SORT_UPDATED, &v), 0);
	free(v);
	n = ann_resolve_document(st, "tip", doc, &h, &orphans);
	assert_int_equal(n, 2);
	assert_int_equal(orphans, 0);
	assert_int_equal(h[0].anchor.kind, ANN_ANCHOR_EXACT);
	assert_int_equal(h[0].anchor.start, 0);
	assert_int_equal(h[1].anchor.end, 120);
	free(h);
	ann_store_free(st);
}

/* Writes text as the file (creating its directory). */
static void put_file(const char *text)
{
	char *dir = data_dir();
	FILE *f;

	assert_true(paths_mkdirs(dir));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	free(dir);
}

static void test_old_tombstones_forgotten(void **state)
{
	static const char entry[] =
		"- id: %s\n  collection: tip\n  country: korea-north\n  year: 2022\n"
		"  section: prosecution\n  block: paragraph\n  index: 0\n  start: 0\n  end: 3\n"
		"  quote: The\n  prefix: ''\n  suffix: ' government'\n  color: red\n  note: ''\n"
		"  created: %s\n  updated: %s\n  deleted: %s\n";
	char *recent = xasprintf(entry, "00000000000b", "2026-11-01T00:00:00.000Z",
				 "2026-11-01T00:00:00.000Z", "2099-01-01T00:00:00.000Z");
	char *old = xasprintf(entry, "00000000000a", "2020-01-01T00:00:00.000Z",
			      "2020-01-01T00:00:00.000Z", "2020-01-02T00:00:00.000Z");
	char *text = xasprintf("version: 1\nannotations:\n%s%s", old, recent);
	struct ann_store *st;

	(void)state;
	put_file(text);
	st = loaded();
	assert_int_equal(ann_store_count(st), 2);
	assert_null(ann_store_find(st, "00000000000a"));
	add(st, 0, 3, "");
	ann_store_free(st);
	st = loaded();
	/* The 2020 deletion is past the grace period; the recent one stays. */
	assert_int_equal(ann_store_count(st), 2);
	assert_null(ann_store_find(st, "00000000000b"));
	for (size_t i = 0; i < ann_store_count(st); i++)
		assert_string_not_equal(ann_store_at(st, i)->id, "00000000000a");
	ann_store_free(st);
	free(recent);
	free(old);
	free(text);
}

/* Entries in a directory (the file, its lock, what was set aside...). */
static size_t entries_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static char *find_aside(void)
{
	char *dir = data_dir(), *found = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, "annotations.yaml.corrupt-", 25))
			found = path_join(dir, e->d_name);
	closedir(d);
	free(dir);
	return found;
}

static void corrupt_case(const char *text, const char *where)
{
	struct ann_store *st;
	char *aside, *kept, *msg, *dir;
	size_t len;

	fresh(NULL);
	put_file(text);
	st = ann_store_new(path);
	assert_int_equal(ann_store_load(st), ANN_CORRUPT);
	assert_true(ann_store_diags(st)->n >= 2);
	msg = diag_format(&ann_store_diags(st)->v[0]);
	if (!strstr(msg, where))
		fail_msg("'%s' does not name %s", msg, where);
	free(msg);
	/* Reading changes nothing: the file stays, nothing is created. */
	assert_null(find_aside());
	kept = read_file(path, 1u << 20, &len);
	assert_string_equal(kept, text);
	free(kept);
	dir = data_dir();
	assert_int_equal(entries_in(dir), 1);
	free(dir);
	/* The first change moves it aside and starts a new file (ANN_CORRUPT
	 * says so; the change is saved). */
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 0, 5, ANN_BLUE, "after", NULL),
			 ANN_CORRUPT);
	aside = find_aside();
	assert_non_null(aside);
	kept = read_file(aside, 1u << 20, &len);
	assert_string_equal(kept, text);
	/* A second change leaves the aside copy alone. */
	add(st, 5, 9, "again");
	free(kept);
	kept = read_file(aside, 1u << 20, &len);
	assert_string_equal(kept, text);
	free(kept);
	free(aside);
	ann_store_free(st);
	st = loaded();
	assert_int_equal(ann_store_count(st), 2);
	ann_store_free(st);
}

static void test_corrupt_file_moved_aside(void **state)
{
	(void)state;
	corrupt_case("version: 1\nannotations: [\n", "annotations.yaml:3:1");
	corrupt_case("version: 1\nannotations:\n- id: nothex\n", "annotations.yaml:3:7");
	corrupt_case("version: 1\nannotations:\n- &a {}\n", "annotations.yaml:3:");
	corrupt_case("\xff\xfe binary", "annotations.yaml:1:1");
}

/* ---- links and what is not a regular file ---- */

static bool is_link(const char *p)
{
	struct stat sb;

	return lstat(p, &sb) == 0 && S_ISLNK(sb.st_mode);
}

/* annotations.yaml -> ../../dotfiles/notes.yaml, as a dotfiles manager
 * makes it: read through, written and locked beside the target, a corrupt
 * target moved aside beside it; the link is never replaced. */
static void test_symlink_to_regular_file(void **state)
{
	char *dotfiles = path_join(tmpdir, "dotfiles"), *target = path_join(dotfiles, "notes.yaml");
	char *data = data_dir(), *lock = xasprintf("%s.lock", target), *text;
	struct ann_store *st;
	size_t len;

	(void)state;
	assert_true(paths_mkdirs(dotfiles));
	assert_true(paths_mkdirs(data));
	assert_int_equal(symlink("../../dotfiles/notes.yaml", path), 0);
	/* A link to nothing yet: reading it finds no annotations, creates nothing. */
	st = loaded();
	assert_int_equal(entries_in(dotfiles), 0);
	add(st, 0, 10, "through the link");
	ann_store_free(st);
	assert_true(is_link(path));
	assert_int_equal(entries_in(data), 1);   /* the link, nothing beside it */
	assert_int_equal(entries_in(dotfiles), 2); /* the file and its lock */
	assert_int_equal(access(lock, F_OK), 0);
	text = read_file(target, 1 << 20, &len);
	assert_non_null(strstr(text, "through the link"));
	free(text);
	st = loaded();
	assert_int_equal(ann_store_count(st), 1);
	add(st, 10, 20, "second");
	ann_store_free(st);
	assert_true(is_link(path));

	/* A corrupt target: left alone by reading, set aside beside it by the next change. */
	put_file("version: 1\nannotations: [\n");
	assert_true(is_link(path));
	st = ann_store_new(path);
	assert_int_equal(ann_store_load(st), ANN_CORRUPT);
	assert_int_equal(entries_in(dotfiles), 2);
	assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 0, 5, ANN_RED, "after", NULL),
			 ANN_CORRUPT);
	ann_store_free(st);
	assert_true(is_link(path));
	assert_int_equal(entries_in(data), 1);
	assert_int_equal(entries_in(dotfiles), 3); /* the new file, its lock, the corrupt one */
	st = loaded();
	assert_int_equal(ann_store_count(st), 1);
	ann_store_free(st);
	free(dotfiles);
	free(target);
	free(data);
	free(lock);
}

/* Makes what must never be written at p: "device" (mknod, needing root,
 * else a link to /dev/null, refused the same way), "fifo", "link-to-fifo"
 * or "directory". */
static void make_odd(const char *kind, const char *p, const char *fifo)
{
	if (!strcmp(kind, "device")) {
		if (mknod(p, S_IFCHR | 0600, makedev(1, 3)) != 0) {
			print_message("# mknod refused (%s): a link to /dev/null\n", strerror(errno));
			assert_int_equal(symlink("/dev/null", p), 0);
		}
	} else if (!strcmp(kind, "fifo")) {
		assert_int_equal(mkfifo(p, 0600), 0);
	} else if (!strcmp(kind, "link-to-fifo")) {
		assert_int_equal(mkfifo(fifo, 0600), 0);
		assert_int_equal(symlink(fifo, p), 0);
	} else {
		assert_int_equal(mkdir(p, 0700), 0);
	}
}

/* A device, a FIFO, a link to a FIFO or a directory in place of the file:
 * every operation refuses it with a reason, and nothing is renamed, locked,
 * created or written; nothing waits on the FIFO (an alarm turns a hang into
 * a failure). */
static void test_not_a_regular_file(void **state)
{
	static const char *const kinds[] = { "device", "fifo", "link-to-fifo", "directory" };
	char *data = data_dir(), *fifo = path_join(tmpdir, "elsewhere-fifo");

	(void)state;
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct ann_store *st;
		struct stat before, after;
		struct annotation removed;
		char *msg;

		fresh(NULL);
		assert_true(paths_mkdirs(data));
		make_odd(kinds[k], path, fifo);
		assert_int_equal(stat(path, &before), 0);
		alarm(20);
		st = ann_store_new(path);
		assert_int_equal(ann_store_load(st), ANN_IOERR);
		msg = diag_format(&ann_store_diags(st)->v[0]);
		if (!strstr(msg, "not a regular file"))
			fail_msg("%s: '%s'", kinds[k], msg);
		free(msg);
		assert_int_equal(ann_add(st, "tip", doc, prosecution, false, 0, 0, 5, ANN_RED, "no", NULL),
				 ANN_IOERR);
		msg = diag_format(&ann_store_diags(st)->v[ann_store_diags(st)->n - 1]);
		if (!strstr(msg, "not a regular file: annotations are never written, locked or moved there"))
			fail_msg("%s: '%s'", kinds[k], msg);
		free(msg);
		assert_int_equal(ann_delete(st, "0123456789ab", &removed), ANN_IOERR);
		ann_done(&removed);
		alarm(0);
		ann_store_free(st);
		/* Still there, still what it was, and alone. */
		assert_int_equal(stat(path, &after), 0);
		assert_int_equal(after.st_ino, before.st_ino);
		assert_int_equal(after.st_mode, before.st_mode);
		assert_int_equal(entries_in(data), 1);
	}
	free(fifo);
	free(data);
}

/* Reading an annotations file that is not there creates nothing: not the
 * directory, not a lock. */
static void test_read_creates_nothing(void **state)
{
	struct ann_store *st = ann_store_new(path);

	(void)state;
	assert_int_equal(ann_store_load(st), ANN_OK);
	assert_int_equal(ann_store_count(st), 0);
	ann_store_free(st);
	assert_int_equal(entries_in(tmpdir), 0);
}

/* Many annotations, ids found through the hash at every size, a duplicate
 * id refused with its position. */
static void test_many_ids(void **state)
{
	struct strbuf sb = {0};
	struct ann_store *st;
	char id[ANN_ID_LEN + 1];
	bool found;
	char *msg;

	(void)state;
	sb_adds(&sb, "version: 1\nannotations:\n");
	for (int i = 0; i < 5000; i++)
		sb_addf(&sb, "- id: %012x\n  collection: \"tip\"\n  country: \"korea-north\"\n  year: 2022\n"
			"  section: \"prosecution\"\n  block: paragraph\n  index: 0\n  start: 0\n  end: 3\n"
			"  quote: \"The\"\n  prefix: \"\"\n  suffix: \" gov\"\n  color: red\n  note: \"n%d\"\n"
			"  created: 2026-01-01T00:00:00.000Z\n  updated: 2026-01-01T00:00:00.000Z\n",
			i * 7919, i);
	put_file(sb.buf);
	st = loaded();
	assert_int_equal(ann_store_count(st), 5000);
	for (int i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "%012x", i * 7919);
		if (!ann_store_find(st, id) || strcmp(ann_store_find(st, id)->id, id))
			fail_msg("%s not found", id);
	}
	assert_null(ann_store_find(st, "ffffffffffff"));
	assert_null(ann_store_find(st, "short"));
	ann_store_free(st);
	/* The same id twice: the file is refused, naming the second. */
	sb_addf(&sb, "- id: %012x\n  collection: \"tip\"\n", 7919);
	put_file(sb.buf);
	st = ann_store_new(path);
	assert_int_equal(ann_store_load(st), ANN_CORRUPT);
	found = false;
	for (size_t i = 0; i < ann_store_diags(st)->n; i++) {
		msg = diag_format(&ann_store_diags(st)->v[i]);
		found |= strstr(msg, ":80003:3: error: duplicate id 000000001eef") != NULL;
		free(msg);
	}
	assert_true(found);
	ann_store_free(st);
	sb_free(&sb);
}

/* ---- processes ---- */

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The child of the durability test: adds annotations forever and reports
 * each id on fd once its save has returned. */
static _Noreturn void saver(int fd)
{
	struct ann_store *st = ann_store_new(path);

	if (ann_store_load(st) != ANN_OK)
		_exit(3);
	for (size_t i = 0;; i++) {
		const struct annotation *a;
		char line[ANN_ID_LEN + 1];

		if (ann_add(st, "tip", doc, prosecution, false, 0, i % 50, i % 50 + 10, ANN_YELLOW,
			    "durable", &a) != ANN_OK)
			_exit(4);
		memcpy(line, a->id, ANN_ID_LEN);
		line[ANN_ID_LEN] = '\n';
		if (write(fd, line, sizeof(line)) != (ssize_t)sizeof(line))
			_exit(5);
	}
}

#define KILLS 400
#define FRESH_EVERY 30

static void test_sigkill_durability(void **state)
{
	size_t confirmed_total = 0;
	double t0 = seconds();
	unsigned seed = (unsigned)time(NULL);

	(void)state;
	srand(seed);
	for (int k = 0; k < KILLS; k++) {
		int fds[2], status;
		pid_t pid;
		struct ann_store *st;
		char buf[4096];
		struct strbuf ids = {0};
		ssize_t r;

		if (k % FRESH_EVERY == 0)
			fresh(NULL);
		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			saver(fds[1]);
		}
		close(fds[1]);
		usleep((useconds_t)(rand() % 8000));
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
			fail_msg("saver exited with %d (seed %u)", WEXITSTATUS(status), seed);
		while ((r = read(fds[0], buf, sizeof(buf))) > 0)
			sb_add(&ids, buf, (size_t)r);
		close(fds[0]);
		st = ann_store_new(path);
		if (ann_store_load(st) != ANN_OK)
			fail_msg("kill %d left an unreadable file (seed %u)", k, seed);
		for (size_t i = 0; i + ANN_ID_LEN < ids.len; i += ANN_ID_LEN + 1) {
			char id[ANN_ID_LEN + 1];

			memcpy(id, ids.buf + i, ANN_ID_LEN);
			id[ANN_ID_LEN] = '\0';
			if (!ann_store_find(st, id))
				fail_msg("kill %d lost confirmed annotation %s (seed %u)", k, id, seed);
			confirmed_total++;
		}
		ann_store_free(st);
		sb_free(&ids);
	}
	print_message("# %d kills, %zu confirmed saves all present, %.1f s\n", KILLS, confirmed_total,
		      seconds() - t0);
}

/* A full disk while saving: in a child (the limit is its own) whose files
 * may not grow past a few hundred bytes, adding an annotation fails with a
 * reason naming the file; the file as it was stays whole, and no temporary
 * file is left.  (RLIMIT_FSIZE makes write() fail with EFBIG exactly as a
 * full disk makes it fail with ENOSPC, without needing a small filesystem.) */
static void test_full_disk(void **state)
{
	struct ann_store *st;
	char *before, *after, *dir = data_dir(), *tmp;
	size_t blen, alen;
	int status;
	pid_t pid;

	(void)state;
	st = loaded();
	add(st, 0, 20, "saved before the disk filled");
	ann_store_free(st);
	before = read_file(path, 1 << 20, &blen);
	assert_non_null(before);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit lim = { blen + 100, blen + 100 };
		struct ann_store *mine = ann_store_new(path);
		enum ann_status res;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) != 0 || ann_store_load(mine) != ANN_OK)
			_exit(2);
		res = ann_add(mine, "tip", doc, prosecution, false, 0, 30, 60, ANN_RED,
			      "a long note that no longer fits on the full disk, whatever happens", NULL);
		if (res != ANN_IOERR)
			_exit(3);
		/* The reason names the file and the error. */
		if (!ann_store_diags(mine)->n || !strstr(ann_store_diags(mine)->v[0].msg, strerror(EFBIG)) ||
		    strcmp(ann_store_diags(mine)->v[0].file, path))
			_exit(4);
		/* The change is kept in memory: it is still there to save later. */
		if (ann_store_count(mine) != 2)
			_exit(5);
		ann_store_free(mine);
		/* The parent's copies too: valgrind checks the child for leaks. */
		free(before);
		free(dir);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	after = read_file(path, 1 << 20, &alen);
	assert_non_null(after);
	assert_int_equal(alen, blen);
	assert_memory_equal(after, before, blen);
	tmp = xasprintf("%s.tmp", path);
	assert_int_equal(access(tmp, F_OK), -1);
	st = loaded();
	assert_int_equal(ann_store_count(st), 1);
	ann_store_free(st);
	free(tmp);
	free(before);
	free(after);
	free(dir);
}

#define PER_WRITER 200

static void test_two_writers(void **state)
{
	pid_t pids[2];
	struct ann_store *st;
	double t0 = seconds();

	(void)state;
	for (int w = 0; w < 2; w++) {
		pids[w] = fork();
		assert_true(pids[w] >= 0);
		if (pids[w] == 0) {
			struct ann_store *mine = ann_store_new(path);

			for (int i = 0; i < PER_WRITER; i++)
				if (ann_add(mine, "tip", doc, prosecution, false, 0, (size_t)i % 40,
					    (size_t)i % 40 + 5, ANN_PINK, w ? "writer 1" : "writer 0",
					    NULL) != ANN_OK)
					_exit(1);
			_exit(0);
		}
	}
	for (int w = 0; w < 2; w++) {
		int status;

		assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	st = loaded();
	assert_int_equal(ann_store_count(st), 2 * PER_WRITER);
	print_message("# %d saves by two processes at once, %.2f ms per save\n", 2 * PER_WRITER,
		      (seconds() - t0) * 1000 / (2 * PER_WRITER));
	ann_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_round_trip, fresh),
		cmocka_unit_test_setup(test_invalid_arguments, fresh),
		cmocka_unit_test_setup(test_delete_and_undo, fresh),
		cmocka_unit_test_setup(test_two_readers_merge, fresh),
		cmocka_unit_test_setup(test_saved_text_follows_changes, fresh),
		cmocka_unit_test_setup(test_list_filter_sort, fresh),
		cmocka_unit_test_setup(test_old_tombstones_forgotten, fresh),
		cmocka_unit_test_setup(test_corrupt_file_moved_aside, fresh),
		cmocka_unit_test_setup(test_symlink_to_regular_file, fresh),
		cmocka_unit_test_setup(test_not_a_regular_file, fresh),
		cmocka_unit_test_setup(test_read_creates_nothing, fresh),
		cmocka_unit_test_setup(test_many_ids, fresh),
		cmocka_unit_test_setup(test_sigkill_durability, fresh),
		cmocka_unit_test_setup(test_two_writers, fresh),
		cmocka_unit_test_setup(test_full_disk, fresh),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
