/* main.c — tipr's entry point: global options, then a command or the reader. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "base/cleanup.h"
#include "base/icu.h"

struct command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *summary;
};

#define COMMAND_ENTRY(name, summary) { #name, cmd_##name, summary },
static const struct command commands[] = { COMMANDS(COMMAND_ENTRY) };
#undef COMMAND_ENTRY

static void print_help(void)
{
	cli_print_usage(&cmd_read_spec, stdout);
	fputs("\nCommands:\n", stdout);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++)
		printf("  %-8s  %s\n", commands[i].name, commands[i].summary);
	fputs("\nOptions ('tipr COMMAND --help' gives a command's):\n", stdout);
	cli_print_options(&cmd_read_spec, stdout);
	fputs("  -V, --version   show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 nothing found or content invalid, 2 usage error.\n"
	      "See tipr(1) for the reader's keys, files and environment.\n", stdout);
}

static bool takes_value(const char *arg)
{
	static const char *const opts[] = { "--content", "--theme", "--color", "--colour", "--script", "--size" };

	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if (!strcmp(arg, opts[i]))
			return true;
	return false;
}

static int run(int argc, char **argv)
{
	struct cli cli = {0};
	const struct command *cmd = NULL;
	int cmd_at = -1, status;
	char **args;
	int nargs = 0;

	/* The command is the first argument that is not a global option (or
	 * an option's value); everything else goes to the command. */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			break;
		} else if (takes_value(argv[i])) {
			i++;
		} else if (argv[i][0] != '-') {
			for (size_t k = 0; k < ARRAY_SIZE(commands); k++)
				if (!strcmp(argv[i], commands[k].name))
					cmd = &commands[k];
			cmd_at = i;
			break;
		}
	}
	/* Commands answer their own --help; the reader's is the general one. */
	for (int i = 1; i < argc && !cmd; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-V")) {
			printf("tipr %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		}
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_help();
			return EXIT_OK;
		}
	}

	args = xcalloc((size_t)argc + 1, sizeof(*args));
	args[nargs++] = argv[0];
	for (int i = 1; i < argc; i++)
		if (!(cmd && i == cmd_at))
			args[nargs++] = argv[i];
	cli.command = cmd ? cmd->name : NULL;
	status = cmd ? cmd->run(&cli, nargs, args) : cmd_read(&cli, nargs, args);
	free(args);
	cli_free(&cli);
	return status;
}

int main(int argc, char **argv)
{
	int status;

	/* The user's character set (the terminal's UTF-8) and the language of
	 * the system's error messages; numbers stay C's, with a full stop in
	 * any locale (JSON and CSV output), and collation is ICU's.  Each
	 * category is a file to open at every start (Debian has no locale
	 * archive for C.UTF-8): LC_ALL opened thirteen. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/* Over a file size limit a write then fails with EFBIG, which a save
	 * reports (the old file intact), instead of killing tipr mid-save. */
	signal(SIGXFSZ, SIG_IGN);
	/* Temporary files go, and the terminal comes back, on SIGINT & co. */
	cleanup_install();
	status = run(argc, argv);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("tipr: write error");
		status = status ? status : 1;
	}
	icu_cleanup();
	return status;
}
