/* fuzz_yaml.c — the content loader on arbitrary bytes: a document file, a
 * collection or a countries table must be parsed or refused, never crash. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "content/country.h"
#include "content/document.h"
#include "base/yamltree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = {0};
	struct document *doc = document_parse("fuzz.yaml", (const char *)data, size, &d);

	document_free(doc);
	diags_free(&d);
	return 0;
}
