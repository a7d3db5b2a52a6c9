/* move.c — movement through lists and texts (see move.h). */
#include "config.h"

#include "ui/move.h"

size_t move_page(int rows)
{
	return rows > 3 ? (size_t)rows - 2 : 1;
}

bool view_move(size_t *pos, size_t last, int rows, enum action act)
{
	size_t page = move_page(rows), step;

	switch (act) {
	case ACT_DOWN:
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		step = act == ACT_DOWN ? 1 : act == ACT_PAGE_DOWN ? page : (page + 1) / 2;
		*pos = *pos < last && last - *pos > step ? *pos + step : last;
		return true;
	case ACT_UP:
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		step = act == ACT_UP ? 1 : act == ACT_PAGE_UP ? page : (page + 1) / 2;
		*pos = *pos > step ? *pos - step : 0;
		if (*pos > last)
			*pos = last;
		return true;
	case ACT_TOP:
		*pos = 0;
		return true;
	case ACT_BOTTOM:
		*pos = last;
		return true;
	default:
		return false;
	}
}
