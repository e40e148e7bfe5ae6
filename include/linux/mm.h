/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pages and page frames: converting between a struct page, its pfn, its
 * physical address and its direct-map address; the page flag helpers; and
 * the page allocator's setup and statistics.
 *
 * mem_map[pfn] is the struct page of frame pfn, for every pfn below
 * max_pfn (holes included: their pages stay PG_reserved). Every frame is
 * mapped in the direct map at PAGE_OFFSET + phys, so page_address() is
 * arithmetic. Locking: see <linux/mm_types.h>.
 * Linux: include/linux/mm.h, include/linux/page-flags.h,
 * arch/x86/include/asm/page.h (virt_to_page, virt_addr_valid)
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/numa.h>
#include <linux/bug.h>
#include <linux/types.h>
#include <asm/current.h>
#include <asm/page.h>

extern struct page *mem_map;	/* struct page of every pfn < max_pfn */
extern unsigned long max_pfn;	/* one past the highest pfn of RAM */
extern bool page_alloc_ready;	/* mem_init() has run: alloc_pages() works */
extern int bad_page_count;	/* "BUG: Bad page state" reports since boot */

/*
 * Page flag helpers. Only the non-atomic forms exist: every flag is
 * changed under the lock that guards the page's current owner.
 */
#define PAGEFLAG(uname, lname)						\
static inline bool Page##uname(const struct page *page)		\
{									\
	return (page->flags >> PG_##lname) & 1;				\
}									\
static inline void __SetPage##uname(struct page *page)			\
{									\
	page->flags |= 1UL << PG_##lname;				\
}									\
static inline void __ClearPage##uname(struct page *page)		\
{									\
	page->flags &= ~(1UL << PG_##lname);				\
}

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Head, head)
PAGEFLAG(Tail, tail)
PAGEFLAG(Slab, slab)
PAGEFLAG(LargeKmalloc, large_kmalloc)

/*
 * The node of a page lives in the top NODES_SHIFT bits of page->flags
 * (set once, by mem_init()); the PG_* bits are the low ones.
 * Linux: include/linux/page-flags-layout.h, page_to_nid()
 */
#define NODES_PGSHIFT	(64 - NODES_SHIFT)
#define NODES_MASK	((1UL << NODES_SHIFT) - 1)
#define PAGEFLAGS_MASK	((1UL << NR_PAGEFLAGS) - 1)

static inline int page_to_nid(const struct page *page)
{
	return (page->flags >> NODES_PGSHIFT) & NODES_MASK;
}

static inline void set_page_node(struct page *page, int node)
{
	page->flags = (page->flags & ~(NODES_MASK << NODES_PGSHIFT)) |
		      ((unsigned long)node << NODES_PGSHIFT);
}

static inline pg_data_t *page_pgdat(const struct page *page)
{
	return NODE_DATA(page_to_nid(page));
}

/* The zone a page belongs to: its node's one zone. */
static inline struct zone *page_zone(const struct page *page)
{
	return &page_pgdat(page)->node_zones[ZONE_NORMAL];
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

/* Does frame @pfn have a struct page? */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

/* The direct-map address of @page's frame. */
static inline void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* Is @addr a direct-map address of RAM that has a struct page? */
static inline bool virt_addr_valid(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PAGE_OFFSET && pfn_valid(PFN_DOWN(a - PAGE_OFFSET));
}

/* The struct page of a direct-map address (check virt_addr_valid() first). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PFN_DOWN(__pa(addr)));
}

/* The first page of the __GFP_COMP block holding @page (or @page itself). */
static inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? page->first_page : page;
}

/* The order of a block, given its head page. */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page->order : 0;
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount;
}

/*
 * References to a page mapped into user space: one per page table entry
 * that maps it (fork()'s copy-on-write sharers). The last put_page()
 * frees it; cmpxchg keeps two CPUs dropping the last two references
 * from both missing the free. get_page() is only called by someone
 * already holding a reference (a mapping, under its mm's mmap_lock),
 * so the count never rises from zero.
 * Linux: get_page()/put_page() in include/linux/mm.h
 */
static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_SEQ_CST);
}

void put_page(struct page *page);

/* Smallest order whose block holds @size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* mm/page_alloc.c */
void mem_init(void);
void free_pages_range_early(unsigned long start_pfn, unsigned long end_pfn);
unsigned long free_reserved_area(void *start, void *end, const char *s);
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long nr_free_pages_order(unsigned int order);
unsigned long sum_zone_node_page_state(int node, enum zone_stat_item item);
struct printer;
void show_mem(const struct printer *out);

struct vm_area_struct;
struct pt_regs;

/* handle_mm_fault() flags (Linux: enum fault_flag) */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_USER		0x40
#define FAULT_FLAG_INSTRUCTION	0x100

/* handle_mm_fault() results (Linux: enum vm_fault_reason) */
typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_SIGSEGV	0x000040

/* mm/memory.c */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);
unsigned long *follow_pte(struct mm_struct *mm, unsigned long address);
int access_remote_vm(struct mm_struct *mm, unsigned long addr, const void *buf, int len);
int access_remote_vm_read(struct mm_struct *mm, unsigned long addr, void *buf, int len);
/* User pages mapped now in all address spaces, and CoW copies made since boot. */
extern atomic_long_t nr_user_pages;
extern atomic_long_t nr_cow_copies;

/* mm/mmap.c */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		      unsigned long vm_flags, struct file *file);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_brk_flags(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long flags);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
void exit_mmap(struct mm_struct *mm);
unsigned long vm_get_page_prot(unsigned long vm_flags);
/* arch/x86/mm/fault.c: " in NAME[START+SIZE]" for the file mapped at @ip */
void print_vma_addr(const char *prefix, unsigned long ip);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
void mmap_init(void);

/* The stack may grow down to this much below its top (Linux: RLIMIT_STACK). */
#define _STK_LIM	(8UL << 20)

/* WARN unless the current task holds @mm's mmap_lock. Linux: mmap_assert_locked() */
static inline void mmap_assert_locked(struct mm_struct *mm)
{
	lockdep_assert_held(&mm->mmap_lock);
}

#endif /* _LINUX_MM_H */
