// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line: "name=value name2 ..." split into words
 * (double quotes protect spaces), each handed to the function registered
 * for its name with early_param() or __setup() (include/linux/init.h).
 * Early parameters are handled first, before the allocators exist; the
 * rest after. A word nobody registered is reported once and ignored, as
 * Linux reports "Unknown kernel command line parameters".
 * Linux: kernel/params.c (parse_args), init/main.c (obsolete_checksetup)
 */
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/params.h>
#include <linux/string.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* Split off the next word of *@args; returns NULL at the end. */
static char *next_arg(char **args, char **value)
{
	char *p = skip_spaces(*args), *start;
	bool in_quote = false;

	*value = NULL;
	if (!*p)
		return NULL;
	start = p;
	/* Any white space separates words, as in Linux: tabs too. */
	for (; *p && (in_quote || !isspace(*p)); p++) {
		if (*p == '"') {
			in_quote = !in_quote;
			continue;
		}
		if (*p == '=' && !*value)
			*value = p + 1;
	}
	if (*p)
		*p++ = '\0';
	*args = p;
	if (*value) {
		(*value)[-1] = '\0';
		/* Strip one pair of quotes around the value. */
		if (**value == '"') {
			size_t len = strlen(*value);

			(*value)++;
			if (len >= 2 && (*value)[len - 2] == '"')
				(*value)[len - 2] = '\0';
		}
	}
	return start;
}

/* Run the handler for @name; returns false if no one registered it. */
static bool do_param(const char *name, char *value, bool early)
{
	bool known = false;

	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (strcmp(p->str, name))
			continue;
		known = true;
		if (p->early != early)
			continue;
		if (p->setup_func(value ? value : (char *)"") < 0)
			pr_warn("Malformed boot parameter: %s=%s (ignored)\n", name,
				value ? value : "");
	}
	return known;
}

static void parse_args(const char *cmdline, bool early)
{
	static char buf[COMMAND_LINE_BUF];
	char *args = buf, *name, *value;

	strscpy(buf, cmdline, sizeof(buf));
	while ((name = next_arg(&args, &value))) {
		/* "--": the rest is init's, as Linux's parse_args() hands it over. */
		if (!strcmp(name, "--") && !value) {
			while (!early && (name = next_arg(&args, &value))) {
				if (value)
					value[-1] = '=';	/* "a=b" stays one word */
				set_init_arg(name);
			}
			break;
		}
		if (!do_param(name, value, early) && !early)
			pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored.\n",
				name, value ? "=" : "", value ? value : "");
	}
}

/**
 * parse_early_param - handle the early_param() parameters
 * @cmdline: the boot command line
 * Linux: parse_early_param() in init/main.c
 */
void parse_early_param(const char *cmdline)
{
	parse_args(cmdline, true);
}

/**
 * parse_late_param - handle the __setup() parameters and report unknowns
 * @cmdline: the boot command line
 * Linux: parse_args("Booting kernel", ...) in start_kernel()
 */
void parse_late_param(const char *cmdline)
{
	parse_args(cmdline, false);
}
