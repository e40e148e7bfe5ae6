// SPDX-License-Identifier: GPL-2.0
/*
 * Running a user signal handler, x86-64's way. On the way back to user
 * mode with a handled signal pending, a struct rt_sigframe is pushed on
 * the user stack:
 *
 *   sp ->  pretcode        the handler's return address: sa_restorer
 *          uc              struct ucontext: every register as it was
 *                          (uc_mcontext), the signal mask to restore
 *          info            struct siginfo (si_signo, si_code)
 *          fpstate         the x87/SSE registers (fxsave, 16-aligned)
 *
 * and the task "returns" into the handler with %rdi = the signal, %rsi
 * = &info, %rdx = &uc. The handler's `ret` goes to sa_restorer (libc's
 * __restore_rt), which makes the rt_sigreturn() system call: it reads
 * the registers and the mask back from the frame, and the interrupted
 * code goes on as if nothing had happened. A system call interrupted by
 * the signal returns -EINTR, or runs again with SA_RESTART.
 * Linux: arch/x86/kernel/signal.c, arch/x86/include/uapi/asm/sigcontext.h,
 * include/uapi/asm-generic/ucontext.h
 */
#include <linux/entry-common.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip;
	u64 flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* user address of the fxsave area */
	u64 reserved1[8];
};

struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
};

struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	struct sigaltstack uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

/* The start of Linux's 128-byte siginfo: what handlers of these signals read. */
struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int pad[29];
};

#define SI_USER		0

struct rt_sigframe {
	unsigned long pretcode;
	struct ucontext uc;
	struct siginfo info;
};

/* Bytes below the user's sp that the x86-64 ABI lets leaf functions use. */
#define REDZONE		128

/* The flags user space may change through rt_sigreturn(). Linux: FIX_EFLAGS */
#define FIX_EFLAGS	(X86_EFLAGS_CF | 0x4 | 0x10 | 0x40 | 0x80 | X86_EFLAGS_TF | \
			 X86_EFLAGS_DF | 0x800 | X86_EFLAGS_AC | X86_EFLAGS_RF)

static void save_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs,
			    sigset_t mask, unsigned long fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;	sc->r9 = regs->r9;	sc->r10 = regs->r10;
	sc->r11 = regs->r11;	sc->r12 = regs->r12;	sc->r13 = regs->r13;
	sc->r14 = regs->r14;	sc->r15 = regs->r15;	sc->di = regs->di;
	sc->si = regs->si;	sc->bp = regs->bp;	sc->bx = regs->bx;
	sc->dx = regs->dx;	sc->ax = regs->ax;	sc->cx = regs->cx;
	sc->sp = regs->sp;	sc->ip = regs->ip;	sc->flags = regs->flags;
	sc->cs = regs->cs;	sc->ss = regs->ss;
	sc->oldmask = mask;
	sc->fpstate = fpstate;
}

/*
 * Push the frame and aim @regs at the handler. Return: 0, or -EFAULT if
 * the user stack cannot take it. Linux: setup_rt_frame() / __setup_rt_frame()
 */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	BUILD_BUG_ON(sizeof(struct fxregs_state) != 512);
	struct fxregs_state fx __aligned(16);
	struct rt_sigframe frame;
	sigset_t oldset;
	unsigned long sp = regs->sp - REDZONE, fp, frame_addr;

	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;		/* x86-64 has no kernel-provided return trampoline */
	/* The FPU registers, as the interrupted code had them. */
	__asm__ __volatile__("fxsave64 %0" : "=m"(fx));
	fp = ALIGN_DOWN(sp - sizeof(fx), 64);
	/* rsp + 8 is 16-byte aligned at a function's entry: as after a call. */
	frame_addr = ALIGN_DOWN(fp - sizeof(frame), 16) - 8;

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (unsigned long)ksig->ka.sa.sa_restorer;
	/* After rt_sigsuspend() the handler returns to the mask from before it. */
	oldset = current->restore_sigmask ? current->saved_sigmask : current->blocked;
	save_sigcontext(&frame.uc.uc_mcontext, regs, oldset, fp);
	frame.uc.uc_sigmask = oldset;
	frame.info.si_signo = ksig->sig;
	frame.info.si_code = SI_USER;
	if (copy_to_user((void __user *)fp, &fx, sizeof(fx)) ||
	    copy_to_user((void __user *)frame_addr, &frame, sizeof(frame)))
		return -EFAULT;

	regs->di = ksig->sig;
	regs->si = frame_addr + offsetof(struct rt_sigframe, info);
	regs->dx = frame_addr + offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->sp = frame_addr;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	/* The handler starts with a clean FPU, as Linux's does. */
	fpu__clear_user_states();
	return 0;
}

/* Run the handler of @ksig: the frame, then the mask. Linux: handle_signal() */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t mask;

	if ((long)regs->orig_ax >= 0) {
		/* A system call the signal interrupted: -EINTR or run it again. */
		switch (regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			__attribute__((__fallthrough__));
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	if (setup_rt_frame(ksig, regs)) {
		force_sig(SIGSEGV);	/* Linux: force_sigsegv() */
		return;
	}
	mask = ksig->ka.sa.sa_mask;
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		mask |= sigmask(ksig->sig);
	spin_lock_irq(&current->sighand->siglock);
	if (current->restore_sigmask) {
		/* The frame holds the mask to go back to. */
		current->blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
	current->blocked |= mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	spin_unlock_irq(&current->sighand->siglock);
}

/**
 * arch_do_signal_or_restart - act on current's signals before user mode
 * @regs: the user registers
 *
 * A handled signal gets its frame; otherwise an interrupted system call
 * runs again, as Linux does when no handler ran (orig_ax is -1 unless
 * we came from a system call; `syscall` is two bytes long).
 * Linux: arch_do_signal_or_restart()
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	restore_saved_sigmask();
	if ((long)regs->orig_ax < 0)
		return;
	switch (regs->ax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->ax = -EINTR;
		break;
	}
}

/*
 * rt_sigreturn(2), from the restorer: the registers, the mask and the
 * FPU state come back from the frame at sp - 8 (the handler's `ret`
 * popped pretcode). Segment selectors and privileged flags are not
 * taken from user memory. Returns ax as the frame held it, so the
 * interrupted code sees its own %rax.
 * Linux: SYSCALL_DEFINE0(rt_sigreturn) / restore_sigcontext()
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	unsigned long frame_addr = regs->sp - 8;
	struct fxregs_state fx __aligned(16);
	struct rt_sigframe frame;
	struct sigcontext_64 *sc = &frame.uc.uc_mcontext;

	if (copy_from_user(&frame, (const void __user *)frame_addr, sizeof(frame)))
		goto badframe;
	if (sc->fpstate && copy_from_user(&fx, (const void __user *)sc->fpstate, sizeof(fx)))
		goto badframe;
	spin_lock_irq(&current->sighand->siglock);
	current->blocked = frame.uc.uc_sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	recalc_sigpending();
	spin_unlock_irq(&current->sighand->siglock);
	regs->r8 = sc->r8;	regs->r9 = sc->r9;	regs->r10 = sc->r10;
	regs->r11 = sc->r11;	regs->r12 = sc->r12;	regs->r13 = sc->r13;
	regs->r14 = sc->r14;	regs->r15 = sc->r15;	regs->di = sc->di;
	regs->si = sc->si;	regs->bp = sc->bp;	regs->bx = sc->bx;
	regs->dx = sc->dx;	regs->cx = sc->cx;	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_ax = -1;	/* no system call restart from here */
	if (sc->fpstate) {
		fx.mxcsr &= 0xffbf;	/* reserved MXCSR bits would fault in fxrstor */
		__asm__ __volatile__("fxrstor64 %0" : : "m"(fx));
	}
	return sc->ax;

badframe:
	force_sig(SIGSEGV);
	return 0;
}
