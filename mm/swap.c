// SPDX-License-Identifier: GPL-2.0
/*
 * Dropping a reference to a page (Spindle swaps nothing: the file keeps
 * Linux's name for where put_page()'s slow path lives).
 * Linux: mm/swap.c (__put_page), include/linux/mm.h (put_page)
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/cmpxchg.h>

/**
 * put_page - drop a reference to a single page; the last frees it
 * @page: a page with a reference held by the caller
 *
 * The last reference is never decremented to 0 here: __free_pages()
 * expects the count an allocated page has (1), and checks it.
 * Linux: put_page()
 */
void put_page(struct page *page)
{
	for (;;) {
		int count = READ_ONCE(page->_refcount);

		if (count == 1) {
			__free_pages(page, 0);
			return;
		}
		if (cmpxchg(&page->_refcount, count, count - 1) == count)
			return;
	}
}
