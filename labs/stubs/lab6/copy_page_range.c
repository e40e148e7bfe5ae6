/* TODO (lab 6): share the pages copy-on-write; this copies each one now, as xv6's fork does */
struct mm_struct *src_mm = src_vma->vm_mm, *dst_mm = dst_vma->vm_mm;

mmap_assert_locked(src_mm);
mmap_assert_locked(dst_mm);
for (unsigned long a = src_vma->vm_start; a < src_vma->vm_end; a += PAGE_SIZE) {
	unsigned long *src = follow_pte(src_mm, a), *dst;
	struct page *page;

	if (!src)
		continue;
	dst = walk_to_pte(dst_mm, a, true);
	if (!dst)
		return -ENOMEM;
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	if (!page)
		return -ENOMEM;
	memcpy(page_address(page), __va(*src & PTE_PFN_MASK), PAGE_SIZE);
	atomic_long_inc(&nr_user_pages);
	*dst = page_to_phys(page) | (*src & ~PTE_PFN_MASK);
}
return 0;
