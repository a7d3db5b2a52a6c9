/* byyear.h — tipr search --by-year: the narratives of each edition that a
 * search matched, as a bar chart or JSON. */
#ifndef TIPR_CLI_BYYEAR_H
#define TIPR_CLI_BYYEAR_H

#include <stdbool.h>

#include "cli/cli.h"
#include "search/search.h"

/* Prints, for the default collection's editions, how many narratives res
 * (from search_run on ix within scope) matched: a sparkline and a bar per
 * edition ("3 of 188"), or JSON.  query is the text searched for, shown in
 * the title.  Returns the exit status: EXIT_OK with a match, else
 * EXIT_NOTFOUND (said on stderr for text). */
int cli_print_by_year(struct cli *cli, const struct search_index *ix, const struct search_results *res,
		      const struct search_scope *scope, const char *query, bool json);

#endif
