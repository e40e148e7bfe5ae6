// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the application processors (APs).
 *
 * After reset every CPU but the boot CPU waits for an INIT IPI and then a
 * STARTUP IPI, whose vector names the page (below 1 MiB) where it starts,
 * in real mode. The boot CPU, one AP at a time:
 *   0. prefill_possible_map(), early (init_IRQ()), numbers the MADT's
 *      CPUs (the boot CPU is 0);
 *   1. smp_prepare_cpus() copies the trampoline (arch/x86/realmode/rm/trampoline_64.S) to
 *      TRAMPOLINE_BASE and builds its page tables;
 *   2. __cpu_up(): points smpboot_initial_stack at the top of the AP's
 *      idle task's stack, sends INIT, STARTUP, STARTUP (the MultiProcessor
 *      Specification's sequence), and waits for the AP to check in and
 *      then to come online;
 * and the AP, from secondary_startup_64 in head.S, runs start_secondary():
 * GS base, IDT, GDT/TSS (cpu_init()), local APIC and tick, online, idle.
 *
 * The handshake is cpu_boot_state[cpu]: the boot CPU sets CPU_UP_PREPARE
 * before the IPIs; the AP moves it to CPU_CALLIN with cmpxchg as its
 * first act. If the AP does not answer in time, the boot CPU moves it to
 * CPU_DEAD_FROZEN instead, so an AP that arrives after all finds its
 * place taken and halts, rather than running on a stack the boot
 * CPU has given up on.
 *
 * Taking a CPU down (cpu_down(), kernel/cpu.c) ends in __cpu_disable() on
 * that CPU, inside stop_machine(): offline, its tick stopped; its idle
 * loop then enters play_dead(), which says CPU_DEAD and halts with
 * interrupts off for good. __cpu_die() on the CPU taking it down waits
 * for that. Bringing it back is a boot like the first: INIT resets the
 * halted CPU and STARTUP sends it through the trampoline again.
 *
 * Locking: cpu_up() and cpu_down() serialise (cpu_add_remove_lock), so the
 * one trampoline and smpboot_initial_stack serve one AP at a time.
 * Linux: arch/x86/kernel/smpboot.c (native_smp_prepare_cpus,
 * native_cpu_up, do_boot_cpu, wakeup_secondary_cpu_via_init,
 * start_secondary)
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <linux/string.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/paravirt.h>
#include <asm/numa.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/realmode.h>
#include <asm/setup.h>

/* How long an AP has to check in, then to come online. Linux waits 10 s. */
#define CALLIN_TIMEOUT_MS	5000

enum cpu_boot_state {
	CPU_DOWN,		/* not being booted */
	CPU_UP_PREPARE,		/* IPIs sent, waiting for the AP */
	CPU_CALLIN,		/* the AP runs start_secondary() */
	CPU_DEAD_FROZEN,	/* the boot CPU gave up: a late AP must halt */
	CPU_DEAD,		/* taken down: it idles in play_dead() */
};

u32 x86_cpu_to_apicid[NR_CPUS];
static int cpu_boot_state[NR_CPUS];

/* Read by secondary_startup_64 (head.S) and start_secondary(). */
u64 smpboot_initial_cr3;
u64 smpboot_initial_stack;
static unsigned int smpboot_cpu;
static struct task_struct *smpboot_idle;
static bool trampoline_ready;

void start_secondary(void);

/* The number of decimal digits of @val. Linux: num_digits() */
static int num_digits(int val)
{
	int d = 1;

	while (val >= 10) {
		val /= 10;
		d++;
	}
	return d;
}

/*
 * Linux's boot report: "x86: Booting SMP configuration:", then one line
 * per node that each CPU extends with " #N" as it is booted.
 * Linux: announce_cpu()
 */
static void announce_cpu(unsigned int cpu)
{
	static int width, current_node = NUMA_NO_NODE;
	int node = cpu_to_node(cpu);

	if (!width)
		width = num_digits(num_possible_cpus()) + 1;	/* + '#' */
	if (cpu == 1 && system_state < SYSTEM_RUNNING)
		pr_info("x86: Booting SMP configuration:\n");
	if (system_state < SYSTEM_RUNNING) {
		/* One line per node: the boot CPU's node comes first, and CPU 0 with it. */
		if (cpu == 1 || node != current_node) {
			if (cpu != 1)
				pr_cont("\n");
			pr_info(".... node  #%d, CPUs:  ", node);
			pr_cont("%*s", cpu == 1 && node == cpu_to_node(0) ? width + 1 : 0, " ");
			current_node = node;
		}
		pr_cont("%*s#%u", width - num_digits(cpu), " ", cpu);
	} else {
		pr_info("smpboot: Booting Node %d Processor %u APIC 0x%x\n", node, cpu,
			x86_cpu_to_apicid[cpu]);
	}
}

/*
 * Copy the trampoline to TRAMPOLINE_BASE and build its page tables:
 * PML4[0] -> PDPT -> PD[0] maps the first 2 MiB at their own address
 * (executable: the trampoline runs there right after paging is enabled),
 * and PML4[256..511] are the kernel's, so the jump to the kernel's high
 * address lands on mapped text. The AP switches to init_top_pgt itself.
 * Linux: setup_real_mode() + init_trampoline_kernel_pgd()
 */
static bool __init setup_trampoline(void)
{
	unsigned long *pgd = __va(TRAMPOLINE_PGD), *pud = __va(TRAMPOLINE_PUD);
	unsigned long *pmd = __va(TRAMPOLINE_PMD);
	struct trampoline_header *th;
	size_t size = trampoline_end - trampoline_start;

	BUILD_BUG_ON(TRAMPOLINE_SIPI_VECTOR * PAGE_SIZE != TRAMPOLINE_BASE);
	if (size > PAGE_SIZE)
		panic("smpboot: the trampoline (%zu bytes) does not fit its page", size);
	/* The first MiB is reserved (setup.c), but the loader's data may sit there. */
	if (boot_info_start < TRAMPOLINE_END && boot_info_end > TRAMPOLINE_BASE) {
		pr_warn("smpboot: boot information at %#llx overlaps the AP trampoline; SMP disabled\n",
			(unsigned long long)boot_info_start);
		return false;
	}
	memcpy(__va(TRAMPOLINE_BASE), trampoline_start, size);
	memset(pgd, 0, PAGE_SIZE);
	memset(pud, 0, PAGE_SIZE);
	memset(pmd, 0, PAGE_SIZE);
	pmd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_PSE;
	pud[0] = TRAMPOLINE_PMD | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	pgd[0] = TRAMPOLINE_PUD | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED;
	for (int i = PTRS_PER_PGD / 2; i < PTRS_PER_PGD; i++)
		pgd[i] = init_top_pgt[i];

	th = (struct trampoline_header *)((char *)__va(TRAMPOLINE_BASE) +
					  (trampoline_header - trampoline_start));
	th->cr3 = TRAMPOLINE_PGD;
	/* LME and NX as here; LMA is the CPU's to set. */
	th->efer = (u32)(rdmsr(MSR_EFER) & ~EFER_LMA);
	smpboot_initial_cr3 = __pa(init_top_pgt);
	return true;
}

/**
 * prefill_possible_map - number the CPUs: fill cpu_possible_mask
 *
 * CPU 0 is the boot CPU; the MADT's other enabled CPUs get 1, 2, ... in
 * table order, and become possible and present. Without ACPI (acpi=off,
 * broken tables) there is nothing to number and Spindle runs on CPU 0.
 * Called from init_IRQ(), once the MADT is read and the boot CPU's APIC
 * id known: before rest_init() starts kthreadd, whose CPU mask is taken
 * from cpu_possible_mask (housekeeping_cpumask()), as in Linux, where
 * setup_arch() calls it.
 * Linux: prefill_possible_map()
 */
void __init prefill_possible_map(void)
{
	unsigned int cpu = 1;
	bool boot_listed = false;

	x86_cpu_to_apicid[0] = boot_cpu_physical_apicid;
	for (unsigned int i = 0; i < acpi_num_processors; i++) {
		u32 apicid = acpi_cpu_apicid[i];

		if (apicid == boot_cpu_physical_apicid) {
			boot_listed = true;
			continue;
		}
		if (cpu >= NR_CPUS)
			break;
		x86_cpu_to_apicid[cpu] = apicid;
		set_cpu_possible(cpu, true);
		set_cpu_present(cpu, true);
		cpu++;
	}
	init_cpu_to_node();
	if (acpi_num_processors && !boot_listed)
		pr_warn("smpboot: Boot CPU (id %u) not listed by BIOS\n", boot_cpu_physical_apicid);
	pr_info("smpboot: Allowing %u CPUs, 0 hotplug CPUs\n", num_possible_cpus());
	pv_spinlock_init();
}

/**
 * smp_prepare_cpus - get the trampoline ready for the CPUs to bring up
 * @max_cpus: the most CPUs to bring up (NR_CPUS: all); the others stay
 *	possible but not present
 *
 * prefill_possible_map() numbered them already.
 * Linux: native_smp_prepare_cpus()
 */
void __init smp_prepare_cpus(unsigned int max_cpus)
{
	unsigned int cpu;

	for (cpu = max_cpus; cpu < NR_CPUS; cpu++)
		set_cpu_present(cpu, false);
	if (num_present_cpus() > 1)
		trampoline_ready = setup_trampoline();
	if (!trampoline_ready)
		for (cpu = 1; cpu < NR_CPUS; cpu++)
			set_cpu_present(cpu, false);
}

/*
 * INIT, then two STARTUP IPIs with the trampoline's page as vector.
 * The delays are the MultiProcessor Specification's: 10 ms after INIT,
 * 200 us after each STARTUP (a CPU that woke on the first ignores the
 * second). Linux: wakeup_secondary_cpu_via_init()
 */
static void wakeup_secondary_cpu_via_init(u32 apicid, unsigned long start_eip)
{
	unsigned long flags;

	local_irq_save(flags);
	/* Clear errors left from before: the ESR is read after a write. */
	apic_write(APIC_ESR, 0);
	apic_read(APIC_ESR);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	local_irq_restore(flags);
	mdelay(10);
	for (int j = 0; j < 2; j++) {
		local_irq_save(flags);
		apic_write(APIC_ESR, 0);
		apic_icr_write(APIC_DM_STARTUP | (start_eip >> 12), apicid);
		local_irq_restore(flags);
		udelay(200);
	}
}

/* Wait up to @ms for @cond to become true, polling every millisecond. */
#define wait_ms_for(cond, ms) ({					\
	bool __ok = false;						\
	for (unsigned int __i = 0; __i <= (ms); __i++) {		\
		if ((__ok = (cond)))					\
			break;						\
		mdelay(1);						\
	}								\
	__ok; })

/*
 * Boot one AP on @idle's stack; 0 once it is online, -1 if it never
 * checked in. Linux: do_boot_cpu()
 */
static int do_boot_cpu(u32 apicid, unsigned int cpu, struct task_struct *idle)
{
	smpboot_cpu = cpu;
	smpboot_idle = idle;
	smpboot_initial_stack = (unsigned long)idle->stack + THREAD_SIZE;
	idle->thread.sp = smpboot_initial_stack;
	/* Everything above is visible before the AP can run. */
	smp_store_release(&cpu_boot_state[cpu], CPU_UP_PREPARE);

	announce_cpu(cpu);
	wakeup_secondary_cpu_via_init(apicid, TRAMPOLINE_BASE);

	if (!wait_ms_for(READ_ONCE(cpu_boot_state[cpu]) != CPU_UP_PREPARE, CALLIN_TIMEOUT_MS) &&
	    cmpxchg(&cpu_boot_state[cpu], CPU_UP_PREPARE, CPU_DEAD_FROZEN) == CPU_UP_PREPARE)
		return -1;
	/* It checked in (perhaps at the last moment): it will come online. */
	while (!cpu_online(cpu))
		cpu_relax();
	return 0;
}

/**
 * __cpu_up - boot @cpu and wait until it is online
 * @cpu: a present, offline CPU
 * @idle: its idle task (it starts on that stack)
 *
 * An AP that does not answer gets one line (Linux's) and stays offline.
 * Return: 0, or -EIO if it did not answer.
 * Linux: native_cpu_up()
 */
int __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	int err;

	if (!trampoline_ready)
		return -EIO;
	err = do_boot_cpu(x86_cpu_to_apicid[cpu], cpu, idle);
	if (err) {
		pr_err("smpboot: do_boot_cpu failed(%d) to wakeup CPU#%u\n", err, cpu);
		set_cpu_present(cpu, false);
		return -EIO;
	}
	return 0;
}

/**
 * arch_cpu_is_hotpluggable - may @cpu be taken down?
 * @cpu: the CPU
 *
 * Not the boot CPU: it alone advances jiffies, and its LAPIC receives
 * the legacy interrupts (the serial port, through the IO-APIC).
 * Return: true for every CPU but 0.
 * Linux: arch_cpu_is_hotpluggable() (x86: cpu > 0 since 6.6)
 */
bool arch_cpu_is_hotpluggable(int cpu)
{
	return cpu > 0;
}

/**
 * __cpu_disable - take this CPU offline, from take_cpu_down() with interrupts off
 *
 * Return: 0.
 *
 * The online bit goes first, so no new IPI or cross-CPU call is sent here.
 * Then the tick stops, and the calls queued before are run, so that no
 * caller waits for them forever.
 * Linux: native_cpu_disable() / cpu_disable_common() / lapic_offline()
 */
int __cpu_disable(void)
{
	unsigned int cpu = smp_processor_id();

	WARN_ON(!irqs_disabled());
	set_cpu_online(cpu, false);
	lapic_timer_shutdown();
	generic_smp_call_function_single_interrupt();
	return 0;
}

/**
 * __cpu_die - wait for a CPU taken down to reach play_dead()
 * @cpu: the CPU
 *
 * Return: 0; the one line says whether it died (Linux's words).
 * Linux: native_cpu_die() / cpu_wait_death()
 */
int __cpu_die(unsigned int cpu)
{
	if (wait_ms_for(smp_load_acquire(&cpu_boot_state[cpu]) == CPU_DEAD, CALLIN_TIMEOUT_MS))
		pr_info("smpboot: CPU %u is now offline\n", cpu);
	else
		pr_err("smpboot: CPU %u didn't die...\n", cpu);
	return 0;
}

/**
 * play_dead - the idle loop of a CPU that went offline: halt for good
 *
 * Interrupts off, off any user mm (idle_task_exit()), then CPU_DEAD
 * for __cpu_die(). Only an NMI (which
 * returns here) or the INIT of the next cpu_up() gets it out of hlt.
 * Linux: native_play_dead() / play_dead_common() / hlt_play_dead()
 */
void __noreturn play_dead(void)
{
	local_irq_disable();
	/* A shootdown IPI can no longer reach us: give back any borrowed mm first. */
	idle_task_exit();
	smp_store_release(&cpu_boot_state[smp_processor_id()], CPU_DEAD);
	for (;;)
		native_halt();
}

static __noreturn void halt_this_cpu(void)
{
	for (;;) {
		__asm__ __volatile__("cli");
		native_halt();
	}
}

/**
 * start_secondary - an AP's first C code, on its idle task's stack
 *
 * Called from secondary_startup_64 with interrupts off. Sets up what
 * every CPU has of its own (per-CPU area through GS, IDT, GDT and TSS,
 * local APIC, tick), says it is online and becomes its idle loop.
 * Linux: start_secondary()
 */
void start_secondary(void)
{
	unsigned int cpu = READ_ONCE(smpboot_cpu);

	setup_per_cpu_areas_for(cpu);
	this_cpu_write_8(current_task, smpboot_idle);
	/* The idle loop runs with preemption off, as the boot CPU's does. */
	preempt_count_set(1);
	load_idt_this_cpu();
	if (cmpxchg(&cpu_boot_state[cpu], CPU_UP_PREPARE, CPU_CALLIN) != CPU_UP_PREPARE)
		halt_this_cpu();	/* too late: the boot CPU went on without us */

	cpu_init();
	write_cr4(read_cr4() | X86_CR4_PGE);
	this_cpu_write_8(top_of_stack, (unsigned long)current->stack + THREAD_SIZE);
	setup_secondary_local_APIC();
	setup_secondary_APIC_clock();
	/* From here on other CPUs may send us work. */
	set_cpu_online(cpu, true);
	WRITE_ONCE(cpu_boot_state[cpu], CPU_DOWN);
	local_irq_enable();
	cpu_startup_entry();
}
