/* commands.h — the batch commands: one table drives dispatch and help. */
#ifndef TIPR_COMMANDS_H
#define TIPR_COMMANDS_H

#include "cli/cli.h"

/* X(name, summary): one line per command, in the order --help lists them. */
#define COMMANDS(X)                                                        \
	X(list, "list collections, countries, years and tiers")            \
	X(show, "print a narrative or one section, wrapped")               \
	X(diff, "compare two editions of a narrative, sentence by sentence") \
	X(compare, "open the reader on two editions side by side")          \
	X(recs, "follow a country's recommendations across editions")      \
	X(tiers, "tier placements across editions, with the reasons given") \
	X(search, "search every narrative of every edition")               \
	X(import, "turn raw report text into content YAML")                \
	X(check, "validate content files")                                 \
	X(notes, "list, export, add and remove annotations")

#define DECLARE_COMMAND(name, summary)                                     \
	int cmd_##name(struct cli *cli, int argc, char **argv);            \
	extern const struct cli_spec cmd_##name##_spec;
COMMANDS(DECLARE_COMMAND)
#undef DECLARE_COMMAND

/* The reader (src/ui): tipr [COUNTRY [YEAR [SECTION]]]; cmd_compare above
 * is the reader too. */
int cmd_read(struct cli *cli, int argc, char **argv);
extern const struct cli_spec cmd_read_spec;


#endif
