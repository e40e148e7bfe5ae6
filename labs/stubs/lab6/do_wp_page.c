/* TODO (lab 6): a write to a page shared copy-on-write: copy it, or reuse it if ours alone */
(void)vma;
(void)pte;
(void)address;
return VM_FAULT_SIGSEGV;
