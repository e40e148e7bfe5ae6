// SPDX-License-Identifier: GPL-2.0
/*
 * The lockup detectors.
 *
 * Soft lockup: a CPU runs kernel code for seconds without scheduling
 * (preemption off, or a loop that never sleeps at top priority). Each
 * CPU has a thread watchdog/N at the top real-time priority that does
 * nothing but note the time (watchdog_touch_ts) when it runs, and a
 * per-CPU timer (watchdog_timer_fn(), from that CPU's tick: hardirq
 * context, as Linux's hrtimer) that wakes it every sample period. If the
 * timer finds the note older than twice watchdog_thresh, the thread
 * could not run: "BUG: soft lockup - CPU#N stuck for Ns!", with the
 * registers and backtrace of what the tick interrupted.
 *
 * Hard lockup: a CPU spins with interrupts off, so even its tick stops.
 * Its own timer cannot see that; another CPU's can. Each timer counts
 * its interrupts (hrtimer_interrupts), and every third one also looks at
 * the next online CPU's count (its "buddy"): unchanged since the last
 * look means that CPU took no tick for a whole period: "Watchdog
 * detected hard LOCKUP on cpu N", and its backtrace by NMI, which gets
 * through interrupts off. (Linux's buddy detector, watchdog_buddy.c of
 * Linux 6.6; Linux also has a perf-NMI one per CPU, which needs PMU
 * counters Spindle does not program.)
 *
 * The thread is made by smpboot (watchdog_threads), Linux 4.x's design;
 * Linux 6.1 touches the timestamp from the CPU's stopper instead. Its
 * setup/unpark hooks start the CPU's timer and its park hook stops it,
 * so a CPU going offline stops being watched before its tick stops, and
 * one coming back starts fresh. With one possible CPU smpboot makes no
 * threads (kernel/smpboot.c) and there is no buddy: nothing is watched.
 *
 * Boot parameters, as Linux's: watchdog_thresh=N (seconds, default 10;
 * 0 turns both off), nowatchdog (both off), nosoftlockup,
 * nmi_watchdog=0|1|panic|nopanic (the hard lockup detector),
 * softlockup_panic=0|1. A test boots with watchdog_thresh=1: a soft
 * lockup is then reported after 2 s, a hard one after 1.2 to 2.4 s.
 *
 * Locking: every per-CPU field is written by its own CPU (the timer with
 * interrupts off, the thread, or the enable/disable hooks in that
 * thread), except watchdog_hardlockup_touched, which enable sets and the
 * buddy clears with xchg(); readers on other CPUs use READ_ONCE().
 * Linux: kernel/watchdog.c, kernel/watchdog_buddy.c
 */
#define pr_fmt(fmt) "watchdog: " fmt

#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/debug.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/string.h>
#include <asm/ptrace.h>

static unsigned int watchdog_thresh = 10;
static bool soft_watchdog_user_enabled = true;
static bool nmi_watchdog_user_enabled = true;
static bool softlockup_panic;
static bool hardlockup_panic;

/* Per CPU. Linux: DEFINE_PER_CPU()s of kernel/watchdog.c */
static struct task_struct *softlockup_watchdog[NR_CPUS];
static bool watchdog_enabled_on[NR_CPUS];		/* its timer runs */
static unsigned long watchdog_touch_ts[NR_CPUS];	/* seconds; 0: touched, start again */
static unsigned long watchdog_report_ts[NR_CPUS];	/* the stale stamp reported, or 0 */
static unsigned long hrtimer_interrupts[NR_CPUS];
static unsigned long hrtimer_interrupts_saved[NR_CPUS];	/* the buddy's view of it */
static unsigned long soft_lockup_hrtimer_cnt[NR_CPUS];	/* the thread's view of it */
static bool watchdog_hardlockup_touched[NR_CPUS];
static bool watchdog_hardlockup_warned[NR_CPUS];
static unsigned int timer_ticks_left[NR_CPUS];		/* ticks to this CPU's next period */

static int __init watchdog_thresh_setup(char *str)
{
	return kstrtouint(str, 10, &watchdog_thresh) ? -EINVAL : 0;
}
__setup("watchdog_thresh", watchdog_thresh_setup);

static int __init nowatchdog_setup(char *str)
{
	soft_watchdog_user_enabled = nmi_watchdog_user_enabled = false;
	return 0;
}
__setup("nowatchdog", nowatchdog_setup);

static int __init nosoftlockup_setup(char *str)
{
	soft_watchdog_user_enabled = false;
	return 0;
}
__setup("nosoftlockup", nosoftlockup_setup);

static int __init softlockup_panic_setup(char *str)
{
	unsigned int v;

	if (kstrtouint(str, 10, &v) || v > 1)
		return -EINVAL;
	softlockup_panic = v;
	return 0;
}
__setup("softlockup_panic", softlockup_panic_setup);

/* nmi_watchdog=0|1|panic|nopanic. Linux: hardlockup_panic_setup() */
static int __init hardlockup_panic_setup(char *str)
{
	if (!strcmp(str, "panic"))
		hardlockup_panic = true;
	else if (!strcmp(str, "nopanic"))
		hardlockup_panic = false;
	else if (!strcmp(str, "0"))
		nmi_watchdog_user_enabled = false;
	else if (!strcmp(str, "1"))
		nmi_watchdog_user_enabled = true;
	else
		return -EINVAL;
	return 0;
}
__setup("nmi_watchdog", hardlockup_panic_setup);

/* Twice watchdog_thresh: how long a CPU may go without scheduling. Linux: get_softlockup_thresh() */
static unsigned int get_softlockup_thresh(void)
{
	return watchdog_thresh * 2;
}

/* The timer's period, in ticks: a fifth of the soft lockup threshold. Linux: set_sample_period() */
static unsigned int sample_period_ticks(void)
{
	return max(1U, get_softlockup_thresh() * HZ / 5);
}

/* Seconds since boot, as the soft lockup check counts. Linux: get_timestamp() */
static unsigned long get_timestamp(void)
{
	return local_clock() >> 30;	/* ns / 2^30: about seconds, as Linux */
}

static void __touch_watchdog(void)
{
	WRITE_ONCE(watchdog_touch_ts[smp_processor_id()], get_timestamp());
}

/**
 * touch_softlockup_watchdog - this CPU is busy on purpose: do not report it
 *
 * For code that must run long without scheduling (a debugger stop, a
 * long dump): the next check starts counting again.
 * Linux: touch_softlockup_watchdog()
 */
void touch_softlockup_watchdog(void)
{
	WRITE_ONCE(watchdog_touch_ts[raw_smp_processor_id()], 0);
}

/**
 * touch_nmi_watchdog - this CPU spins with interrupts off on purpose
 *
 * Its buddy skips the next look; the soft lockup count starts again.
 * Linux: touch_nmi_watchdog()
 */
void touch_nmi_watchdog(void)
{
	WRITE_ONCE(watchdog_hardlockup_touched[raw_smp_processor_id()], true);
	touch_softlockup_watchdog();
}

/* The next online CPU after @cpu whose timer runs, or -1. Linux: watchdog_next_cpu() */
static int watchdog_next_cpu(unsigned int cpu)
{
	for (unsigned int i = 1; i < NR_CPUS; i++) {
		unsigned int next = (cpu + i) % NR_CPUS;

		if (cpu_online(next) && READ_ONCE(watchdog_enabled_on[next]))
			return next;
	}
	return -1;
}

/* Has @cpu taken no timer interrupt since the last look? Linux: is_hardlockup() */
static bool is_hardlockup(unsigned int cpu)
{
	unsigned long hrint = READ_ONCE(hrtimer_interrupts[cpu]);

	if (hrtimer_interrupts_saved[cpu] == hrint)
		return true;
	hrtimer_interrupts_saved[cpu] = hrint;
	return false;
}

/*
 * Look at @cpu from this CPU's timer. Reported once per lockup: a CPU
 * that ticks again is watched afresh. Linux: watchdog_hardlockup_check()
 */
static void watchdog_hardlockup_check(unsigned int cpu, struct pt_regs *regs)
{
	if (xchg(&watchdog_hardlockup_touched[cpu], false)) {
		hrtimer_interrupts_saved[cpu] = READ_ONCE(hrtimer_interrupts[cpu]);
		return;
	}
	if (!is_hardlockup(cpu)) {
		WRITE_ONCE(watchdog_hardlockup_warned[cpu], false);
		return;
	}
	if (READ_ONCE(watchdog_hardlockup_warned[cpu]))
		return;
	WRITE_ONCE(watchdog_hardlockup_warned[cpu], true);
	pr_emerg("Watchdog detected hard LOCKUP on cpu %u\n", cpu);
	if (cpu == (unsigned int)smp_processor_id())
		show_regs(regs);
	else
		trigger_single_cpu_backtrace(cpu);
	if (hardlockup_panic)
		panic("Hard LOCKUP");
}

/* The soft lockup check of this CPU. Linux: the second half of watchdog_timer_fn() */
static void watchdog_softlockup_check(unsigned int cpu, struct pt_regs *regs)
{
	unsigned long touch_ts = READ_ONCE(watchdog_touch_ts[cpu]), now, duration;

	if (!touch_ts) {
		/* Touched: count from now. */
		__touch_watchdog();
		WRITE_ONCE(watchdog_report_ts[cpu], 0);
		return;
	}
	now = get_timestamp();
	duration = now > touch_ts ? now - touch_ts : 0;
	if (duration <= get_softlockup_thresh())
		return;
	/* One report per lockup, until the thread runs again. */
	if (READ_ONCE(watchdog_report_ts[cpu]) == touch_ts)
		return;
	WRITE_ONCE(watchdog_report_ts[cpu], touch_ts);
	pr_emerg("BUG: soft lockup - CPU#%u stuck for %lus! [%s:%d]\n", cpu, duration,
		 current->comm, task_pid_nr(current));
	show_regs(regs);
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}

/*
 * The per-CPU timer, once a sample period: count the interrupt, look at
 * the buddy every third time, wake watchdog/N, check this CPU.
 * Linux: watchdog_timer_fn() (an hrtimer there)
 */
static void watchdog_timer_fn(unsigned int cpu, struct pt_regs *regs)
{
	unsigned long hrint = ++hrtimer_interrupts[cpu];
	int next;

	if (nmi_watchdog_user_enabled && hrint % 3 == 0) {
		next = watchdog_next_cpu(cpu);
		if (next >= 0 && next != (int)cpu)
			watchdog_hardlockup_check(next, regs);
	}
	if (!soft_watchdog_user_enabled)
		return;
	wake_up_process(softlockup_watchdog[cpu]);
	watchdog_softlockup_check(cpu, regs);
}

/**
 * watchdog_tick - this CPU's tick: run the watchdog timer when its period is over
 * @regs: the interrupted context (what a report shows)
 *
 * Called from the tick, in hardirq context.
 * Linux: the watchdog hrtimer's expiry (hrtimer_interrupt())
 */
void watchdog_tick(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	if (!READ_ONCE(watchdog_enabled_on[cpu]) || --timer_ticks_left[cpu])
		return;
	timer_ticks_left[cpu] = sample_period_ticks();
	watchdog_timer_fn(cpu, regs);
}

/* watchdog/N: the timer woke it, so it could run: note the time. Linux: watchdog() */
static void watchdog(unsigned int cpu)
{
	WRITE_ONCE(soft_lockup_hrtimer_cnt[cpu], READ_ONCE(hrtimer_interrupts[cpu]));
	__touch_watchdog();
}

/* Linux: watchdog_should_run() */
static int watchdog_should_run(unsigned int cpu)
{
	return READ_ONCE(hrtimer_interrupts[cpu]) != READ_ONCE(soft_lockup_hrtimer_cnt[cpu]);
}

/*
 * Made, parked: the top RT priority from the start, so that its first
 * run (setup) is not left behind a task that never yields.
 * Linux: watchdog_set_prio(), from watchdog_enable() there
 */
static void watchdog_create(unsigned int cpu)
{
	struct sched_param param = { .sched_priority = MAX_RT_PRIO - 1 };

	sched_setscheduler_nocheck(softlockup_watchdog[cpu], SCHED_FIFO, &param);
}

/* In watchdog/N, on its CPU: start watching this CPU. Linux: watchdog_enable() */
static void watchdog_enable(unsigned int cpu)
{
	__touch_watchdog();
	WRITE_ONCE(watchdog_report_ts[cpu], 0);
	/* The buddy's last look may be from before this CPU went away. */
	WRITE_ONCE(watchdog_hardlockup_touched[cpu], true);
	timer_ticks_left[cpu] = sample_period_ticks();
	smp_wmb();
	WRITE_ONCE(watchdog_enabled_on[cpu], true);
}

/* Its CPU is going down (or the thread stops): stop watching. Linux: watchdog_disable() */
static void watchdog_disable(unsigned int cpu)
{
	WRITE_ONCE(watchdog_enabled_on[cpu], false);
}

static void watchdog_cleanup(unsigned int cpu, bool online)
{
	watchdog_disable(cpu);
}

static struct smp_hotplug_thread watchdog_threads = {
	.store = softlockup_watchdog,
	.thread_should_run = watchdog_should_run,
	.thread_fn = watchdog,
	.thread_comm = "watchdog/%u",
	.create = watchdog_create,
	.setup = watchdog_enable,
	.cleanup = watchdog_cleanup,
	.park = watchdog_disable,
	.unpark = watchdog_enable,
};

/**
 * lockup_detector_init - start watchdog/N on every CPU, unless turned off
 * Linux: lockup_detector_init()
 */
void lockup_detector_init(void)
{
	int err;

	if (!watchdog_thresh || (!soft_watchdog_user_enabled && !nmi_watchdog_user_enabled))
		return;
	err = smpboot_register_percpu_thread(&watchdog_threads);
	if (err)
		pr_err("Failed to create watchdog threads, disabled (%d)\n", err);
}
