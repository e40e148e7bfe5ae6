// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "exceptions": CPU exceptions raised on purpose in the
 * kernel and survived, through the exception_fixup hook of
 * arch/x86/kernel/traps.c. Each faulting instruction sits in a tiny
 * assembly probe between two local labels; the test points the hook at
 * [fault, resume) and the handler records the vector, error code and CR2
 * and resumes right after the instruction. Checked: #PF (not-present
 * read, write to rodata, the guard page below a stack), #UD, #DE, #GP,
 * int3 (reported, then execution goes on); and the symbol side the
 * reports rely on: %pS and kallsyms.
 * Linux: lib/test_lockup.c and lkdtm provoke faults there; the recovery
 * mechanism here is a one-entry version of Linux's exception tables
 * (arch/x86/mm/extable.c, _ASM_EXTABLE)
 */
#include <kunit/test.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sprintf.h>
#include <linux/start_kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include "test_util.h"

/* Load from the address in arg. */
EXC_PROBE(exc_probe_read, "", "movq (%rdi), %rax");
/* Store to the address in arg. */
EXC_PROBE(exc_probe_write, "", "movl $1, (%rdi)");
/* An invalid opcode. */
EXC_PROBE(exc_probe_ud2, "", "ud2");
/* Divide %rdx:%rax by arg. */
EXC_PROBE(exc_probe_div, "xorl %edx, %edx", "divq %rdi");

static const unsigned long rodata_word = 0x1234;

static void exceptions_test_probe_without_fault(struct kunit *test)
{
	unsigned long word = 0xabcdef;
	struct probe_result r;

	/* A mapped address: the load happens, nothing is fixed up. */
	run_probe(exc_probe_read, exc_probe_read_range, (unsigned long)&word, X86_TRAP_PF, &r);
	KUNIT_EXPECT_EQ(test, r.ret, 0xabcdef);
	KUNIT_EXPECT_EQ(test, r.hits, 0);
	KUNIT_EXPECT_EQ(test, r.count, 0);
	run_probe(exc_probe_div, exc_probe_div_range, 2, X86_TRAP_DE, &r);
	KUNIT_EXPECT_EQ(test, r.ret, PROBE_SKIPPED / 2);
	KUNIT_EXPECT_EQ(test, r.hits, 0);
	/* The range lies inside the probe, after the sentinel's load. */
	KUNIT_EXPECT_GT(test, exc_probe_read_range[0], (unsigned long)exc_probe_read);
	KUNIT_EXPECT_GT(test, exc_probe_read_range[1], exc_probe_read_range[0]);
	KUNIT_EXPECT_LT(test, exc_probe_read_range[1], (unsigned long)exc_probe_read + 16);
}

static void exceptions_test_pf_not_present_read(struct kunit *test)
{
	unsigned long *area = vmalloc(PAGE_SIZE);
	unsigned long addr;
	struct probe_result r;

	KUNIT_ASSERT_NOT_NULL(test, area);
	/* The guard page below every vmalloc area is never mapped. */
	addr = (unsigned long)area - PAGE_SIZE + 0x18;
	run_probe(exc_probe_read, exc_probe_read_range, addr, X86_TRAP_PF, &r);
	vfree(area);
	KUNIT_EXPECT_EQ(test, r.ret, PROBE_SKIPPED);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.count, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, r.cr2, addr);
	/* Supervisor read of a page not present: no bit set. */
	KUNIT_EXPECT_EQ(test, r.error_code, 0);
}

static void exceptions_test_pf_write_rodata(struct kunit *test)
{
	unsigned long addr = (unsigned long)&rodata_word;
	struct probe_result r;

	KUNIT_ASSERT_TRUE(test, addr >= (unsigned long)_etext && addr < (unsigned long)_erodata);
	run_probe(exc_probe_write, exc_probe_write_range, addr, X86_TRAP_PF, &r);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, r.cr2, addr);
	/* Present, write, supervisor. */
	KUNIT_EXPECT_EQ(test, r.error_code, X86_PF_PROT | X86_PF_WRITE);
	KUNIT_EXPECT_EQ(test, READ_ONCE(*(volatile const unsigned long *)&rodata_word), 0x1234);
}

/* The pages below the boot stack and below our own (vmalloc'ed) stack. */
static void exceptions_test_stack_guards_unmapped(struct kunit *test)
{
	unsigned long guard = (unsigned long)current->stack - PAGE_SIZE;
	struct vm_struct *area = NULL;
	struct probe_result r;
	int level;

	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)init_stack_guard, &level));
	KUNIT_EXPECT_NULL(test, lookup_address((unsigned long)init_stack_guard + PAGE_SIZE - 1,
					       &level));
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)init_stack, &level));
	KUNIT_EXPECT_PTR_EQ(test, init_stack_guard + PAGE_SIZE, init_stack);

	KUNIT_ASSERT_TRUE(test, is_vmalloc_addr(current->stack));
	KUNIT_EXPECT_NULL(test, lookup_address(guard, &level));
	KUNIT_EXPECT_NOT_NULL(test, lookup_address((unsigned long)current->stack, &level));
	KUNIT_EXPECT_TRUE(test, vmalloc_guard_hit(guard + 8, &area));
	KUNIT_EXPECT_PTR_EQ(test, area ? area->addr : NULL, current->stack);
	/* And touching it really faults. */
	run_probe(exc_probe_read, exc_probe_read_range, guard + PAGE_SIZE - 8, X86_TRAP_PF, &r);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.cr2, guard + PAGE_SIZE - 8);
	KUNIT_EXPECT_EQ(test, r.error_code, 0);
}

static void exceptions_test_invalid_opcode(struct kunit *test)
{
	struct probe_result r;

	run_probe(exc_probe_ud2, exc_probe_ud2_range, 0, X86_TRAP_UD, &r);
	KUNIT_EXPECT_EQ(test, r.ret, PROBE_SKIPPED);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.count, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_UD);
	/* #UD pushes no error code: the entry stub's -1 stands in. */
	KUNIT_EXPECT_EQ(test, r.error_code, (unsigned long)-1);
}

static void exceptions_test_divide_error(struct kunit *test)
{
	struct probe_result r;

	run_probe(exc_probe_div, exc_probe_div_range, 0, X86_TRAP_DE, &r);
	KUNIT_EXPECT_EQ(test, r.ret, PROBE_SKIPPED);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.count, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_DE);
	KUNIT_EXPECT_EQ(test, r.error_code, (unsigned long)-1);
}

static void exceptions_test_general_protection(struct kunit *test)
{
	const unsigned long noncanonical = 0x8000000000000000UL;
	struct probe_result r;

	run_probe(exc_probe_read, exc_probe_read_range, noncanonical, X86_TRAP_GP, &r);
	KUNIT_EXPECT_EQ(test, r.ret, PROBE_SKIPPED);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.count, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_GP);
	KUNIT_EXPECT_EQ(test, r.error_code, 0);
	/* Not a page fault: CR2 is not reported. */
	KUNIT_EXPECT_EQ(test, r.cr2, 0);
	/* The list poison values are non-canonical for this reason. */
	run_probe(exc_probe_read, exc_probe_read_range, (unsigned long)LIST_POISON1,
		  X86_TRAP_GP, &r);
	KUNIT_EXPECT_EQ(test, r.hits, 1);
	KUNIT_EXPECT_EQ(test, r.vector, X86_TRAP_GP);
}

static noinline void exceptions_test_int3(struct kunit *test)
{
	unsigned long before = vector_count_all_cpus(X86_TRAP_BP);
	char msg[128];
	u64 first, next;
	int level = -1;
	volatile int after = 0;

	/* A breakpoint with no debugger: reported, and we go on. */
	asm volatile("int3" ::: "memory");
	after = 1;
	KUNIT_EXPECT_EQ(test, after, 1);
	KUNIT_EXPECT_EQ(test, vector_count_all_cpus(X86_TRAP_BP) - before, 1);
	/* The report names this function. */
	log_buf_seq_range(&first, &next);
	KUNIT_ASSERT_GT(test, log_buf_read(next - 1, msg, sizeof(msg), &level), 0);
	KUNIT_EXPECT_EQ(test, strncmp(msg, "int3 at exceptions_test_int3+0x", 31), 0);
	KUNIT_EXPECT_EQ(test, level, LOGLEVEL_WARNING);
}

/* An interrupt raised by software: the vector the next case borrows. */
#define TRACE_TEST_VECTOR	0xe0
EXC_PROBE(exc_probe_int, "", "int $0xe0");

/* The handler of TRACE_TEST_VECTOR: a backtrace from inside it. */
static void exceptions_test_trace_handler(struct pt_regs *regs)
{
	show_stack(NULL, NULL, KERN_INFO);
}

/*
 * A backtrace from a handler goes on through entry_64.S's frame into the
 * interrupted code, and shows that frame's ip as Linux shows an exception
 * frame's registers: "RIP: 0010:" and the ip itself, not less one as a
 * return address is (exc_probe_int+N, N the offset after the int).
 */
static void exceptions_test_trace_through_exception_frame(struct kunit *test)
{
	char want[KSYM_SYMBOL_LEN + 16], wrong[KSYM_SYMBOL_LEN + 16];

	set_vector_handler(TRACE_TEST_VECTOR, exceptions_test_trace_handler, "test");
	exc_probe_int(0);
	set_vector_handler(TRACE_TEST_VECTOR, NULL, NULL);
	snprintf(want, sizeof(want), "RIP: %04x:%pS", __KERNEL_CS, (void *)exc_probe_int_range[1]);
	snprintf(wrong, sizeof(wrong), " %pS", (void *)(exc_probe_int_range[1] - 1));
	if (!log_has(want, 16))
		KUNIT_FAIL(test, "no line %s in the backtrace", want);
	if (log_has(wrong, 16))
		KUNIT_FAIL(test, "the frame's ip shown as a return address: %s", wrong);
	KUNIT_EXPECT_TRUE(test, log_has(" exceptions_test_trace_handler+0x", 16));
}

/*
 * copy_from_kernel_nofault(): a mapped kernel word is copied; the guard
 * page under a stack, never mapped, is -EFAULT instead of an oops; a user
 * address is not its to read (-ERANGE).
 */
static void exceptions_test_copy_from_kernel_nofault(struct kunit *test)
{
	static const unsigned long word = 0x5a5a1234;
	unsigned long guard = (unsigned long)current->stack - PAGE_SIZE, got = 0;

	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&got, &word, sizeof(got)), 0);
	KUNIT_EXPECT_EQ(test, got, word);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)guard, sizeof(got)),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)0x400000, sizeof(got)),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&got, (void *)LIST_POISON1,
						       sizeof(got)), -ERANGE);
}

static noinline int exceptions_test_symbol_target(int x)
{
	return x * 3 + 1;
}

static void exceptions_test_symbols(struct kunit *test)
{
	unsigned long addr = (unsigned long)exceptions_test_symbol_target;
	unsigned long size = 0, offset = 1;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];

	KUNIT_ASSERT_TRUE(test, kallsyms_lookup_size_offset(addr, &size, &offset));
	KUNIT_EXPECT_EQ(test, offset, 0);
	KUNIT_EXPECT_GT(test, size, 0);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("exceptions_test_symbol_target"), addr);

	snprintf(buf, sizeof(buf), "%pS", (void *)addr);
	snprintf(want, sizeof(want), "exceptions_test_symbol_target+0x0/0x%lx", size);
	KUNIT_EXPECT_STREQ(test, buf, want);
	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + 1));
	snprintf(want, sizeof(want), "exceptions_test_symbol_target+0x1/0x%lx", size);
	KUNIT_EXPECT_STREQ(test, buf, want);
	snprintf(buf, sizeof(buf), "%ps", (void *)(addr + 1));
	KUNIT_EXPECT_STREQ(test, buf, "exceptions_test_symbol_target");
	/* Past the end: the next symbol, never this one with a big offset. */
	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + size));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "exceptions_test_symbol_target+", 30) == 0, 0);
	/* Not code: the raw address. */
	snprintf(buf, sizeof(buf), "%pS", (void *)&rodata_word);
	snprintf(want, sizeof(want), "0x%lx", (unsigned long)&rodata_word);
	KUNIT_EXPECT_STREQ(test, buf, want);

	addr = kallsyms_lookup_name("start_kernel");
	KUNIT_ASSERT_NE(test, addr, 0);
	KUNIT_EXPECT_EQ(test, addr, (unsigned long)start_kernel);
	sprint_symbol(buf, addr);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "start_kernel+0x0/", 17), 0);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("no_such_symbol_anywhere"), 0);
	/* The probes are symbols too: their labels resolve inside them. */
	addr = exc_probe_ud2_range[0];
	snprintf(buf, sizeof(buf), "%pS", (void *)addr);
	snprintf(want, sizeof(want), "exc_probe_ud2+0x%lx/",
		 addr - (unsigned long)exc_probe_ud2);
	KUNIT_EXPECT_EQ(test, strncmp(buf, want, strlen(want)), 0);
	KUNIT_EXPECT_EQ(test, exceptions_test_symbol_target(2), 7);
}

static struct kunit_case exceptions_cases[] = {
	KUNIT_CASE(exceptions_test_probe_without_fault),
	KUNIT_CASE(exceptions_test_pf_not_present_read),
	KUNIT_CASE(exceptions_test_pf_write_rodata),
	KUNIT_CASE(exceptions_test_stack_guards_unmapped),
	KUNIT_CASE(exceptions_test_invalid_opcode),
	KUNIT_CASE(exceptions_test_divide_error),
	KUNIT_CASE(exceptions_test_general_protection),
	KUNIT_CASE(exceptions_test_int3),
	KUNIT_CASE(exceptions_test_trace_through_exception_frame),
	KUNIT_CASE(exceptions_test_copy_from_kernel_nofault),
	KUNIT_CASE(exceptions_test_symbols),
	{}
};

static struct kunit_suite exceptions_suite = {
	.name = "exceptions",
	.test_cases = exceptions_cases,
};
kunit_test_suite(exceptions_suite);
