/* countries_fixture.h — for tests that need the bundled countries table: one
 * table shared by the test group, loaded in setup and freed in teardown.
 * Included by one test program each (the definitions are its own). */
#ifndef TIPR_TEST_COUNTRIES_FIXTURE_H
#define TIPR_TEST_COUNTRIES_FIXTURE_H

#include "base/icu.h"
#include "content/country.h"

static struct countries *countries;

static int setup(void **state)
{
	struct diags d = {0};

	(void)state;
	countries = countries_load(TIPR_SRCDIR "/content/countries.yaml", &d);
	diags_free(&d);
	return countries ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	countries_free(countries);
	icu_cleanup();
	return 0;
}

#endif
