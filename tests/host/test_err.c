// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for include/linux/err.h: error codes carried in pointers.
 */
#include <linux/err.h>

#include "ktap.h"

static void err_ptr_round_trips(void)
{
	static const long errs[] = { -1, -EINVAL, -ENOMEM, -ERESTARTSYS, -MAX_ERRNO };
	size_t i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		void *p = ERR_PTR(errs[i]);

		KT_EXPECT_TRUE(IS_ERR(p));
		KT_EXPECT_TRUE(IS_ERR_OR_NULL(p));
		KT_EXPECT_EQ(PTR_ERR(p), errs[i]);
		KT_EXPECT_EQ(PTR_ERR_OR_ZERO(p), errs[i]);
	}
}

static void real_pointers_are_not_errors(void)
{
	int local;
	static int global;

	KT_EXPECT_FALSE(IS_ERR(&local));
	KT_EXPECT_FALSE(IS_ERR(&global));
	KT_EXPECT_FALSE(IS_ERR(NULL));
	KT_EXPECT_FALSE(IS_ERR_OR_NULL(&local));
	KT_EXPECT_EQ(PTR_ERR_OR_ZERO(&local), 0);
	KT_EXPECT_EQ(PTR_ERR_OR_ZERO(NULL), 0);
}

static void error_range_boundary(void)
{
	/* The top MAX_ERRNO (4095) addresses are errors, and no others. */
	KT_EXPECT_TRUE(IS_ERR((void *)-4095L));
	KT_EXPECT_FALSE(IS_ERR((void *)-4096L));
	KT_EXPECT_TRUE(IS_ERR((void *)~0UL));
	KT_EXPECT_TRUE(IS_ERR_VALUE(-1L));
	KT_EXPECT_FALSE(IS_ERR_VALUE(-4096L));
	KT_EXPECT_FALSE(IS_ERR_VALUE(0UL));
}

static void is_err_or_null(void)
{
	KT_EXPECT_TRUE(IS_ERR_OR_NULL(NULL));
	KT_EXPECT_TRUE(IS_ERR_OR_NULL(ERR_PTR(-EIO)));
	KT_EXPECT_FALSE(IS_ERR_OR_NULL((void *)0x1000));
}

struct thing {
	int x;
};

static struct thing *make_thing(long err)
{
	return ERR_PTR(err);
}

static void err_cast_keeps_the_error(void)
{
	struct thing *t = make_thing(-ENOENT);
	char *c = ERR_CAST(t);

	KT_EXPECT_TRUE(IS_ERR(c));
	KT_EXPECT_EQ(PTR_ERR(c), -ENOENT);
	KT_EXPECT_PTR_EQ(c, t);
}

static const struct ktap_case cases[] = {
	KTAP_CASE(err_ptr_round_trips),
	KTAP_CASE(real_pointers_are_not_errors),
	KTAP_CASE(error_range_boundary),
	KTAP_CASE(is_err_or_null),
	KTAP_CASE(err_cast_keeps_the_error),
};

int main(void)
{
	return ktap_run_suite("host-err", cases, sizeof(cases) / sizeof(cases[0]));
}
