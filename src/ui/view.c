/* view.c — the set of the reader's views (see view.h). */
#include "config.h"

#include "ui/view.h"

#include <stdlib.h>

void view_set_init(struct view_set *set, const struct view_ops *const *ops, size_t n,
		   const struct view_ops *tree, const struct view_ops *reader, const struct view_ops *help,
		   const struct view_opener *openers, size_t n_openers)
{
	set->v = xcalloc(n, sizeof(*set->v));
	set->n = n;
	for (size_t i = 0; i < n; i++) {
		set->v[i].ops = ops[i];
		set->v[i].priv = ops[i]->priv_size ? xcalloc(1, ops[i]->priv_size) : NULL;
	}
	set->tree = view_set_find(set, tree);
	set->reader = view_set_find(set, reader);
	set->help = view_set_find(set, help);
	set->openers = openers;
	set->n_openers = n_openers;
}

void view_set_free(struct view_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		if (set->v[i].ops->done)
			set->v[i].ops->done(&set->v[i]);
		free(set->v[i].priv);
	}
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

struct view *view_set_find(const struct view_set *set, const struct view_ops *ops)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].ops == ops)
			return &set->v[i];
	return NULL;
}

struct view *view_set_opener(const struct view_set *set, enum action act)
{
	for (size_t i = 0; i < set->n_openers; i++)
		if (set->openers[i].act == act)
			return view_set_find(set, set->openers[i].ops);
	return NULL;
}
