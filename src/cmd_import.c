#include "config.h"
#include "commands.h"
const char cmd_import_help[] = "Usage: tipr import FILE...\n";
int cmd_import(struct cli *cli, int argc, char **argv) { (void)argc; (void)argv; return cli_usage_error(cli, "not yet"); }
