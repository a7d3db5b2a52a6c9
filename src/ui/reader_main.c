#include "config.h"
#include "commands.h"
int cmd_read(struct cli *cli, int argc, char **argv) { (void)argc; (void)argv; return cli_usage_error(cli, "not yet"); }
