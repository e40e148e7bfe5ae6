// SPDX-License-Identifier: GPL-2.0
/*
 * The PC's battery-backed clock (the MC146818 CMOS RTC, ports 0x70/0x71),
 * read once at boot for the wall clock: CLOCK_REALTIME starts at what it
 * says (UTC: QEMU's default, -rtc base=utc) and runs on the TSC after.
 * Nothing writes it back: settimeofday() moves the kernel's clock only,
 * as Linux does unless told to sync the RTC.
 * Locking: rtc_lock, irqs off, around each index-then-data access pair
 * (the index register is one for all CMOS users).
 * Linux: arch/x86/kernel/rtc.c (mach_get_cmos_time()), drivers/rtc/mc146818-lib.c
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <asm/io.h>
#include <asm/processor.h>

#define RTC_PORT_INDEX		0x70
#define RTC_PORT_DATA		0x71
#define RTC_SECONDS		0x00
#define RTC_MINUTES		0x02
#define RTC_HOURS		0x04
#define RTC_DAY_OF_MONTH	0x07
#define RTC_MONTH		0x08
#define RTC_YEAR		0x09
#define RTC_REG_A		0x0a
#define RTC_REG_B		0x0b
#define RTC_CENTURY		0x32	/* the FADT's default century register */
#define RTC_UIP			0x80	/* register A: an update is in progress */
#define RTC_DM_BINARY		0x04	/* register B: binary, not BCD */
#define RTC_24H			0x02	/* register B: 24-hour mode */

/* Guards the CMOS index register and the read that follows it; irqs off. */
static DEFINE_RAW_SPINLOCK(rtc_lock);

/* Linux: CMOS_READ() */
static u8 cmos_read(u8 addr)
{
	unsigned long flags;
	u8 val;

	raw_spin_lock_irqsave(&rtc_lock, flags);
	outb(addr, RTC_PORT_INDEX);
	val = inb(RTC_PORT_DATA);
	raw_spin_unlock_irqrestore(&rtc_lock, flags);
	return val;
}

static unsigned int bcd2bin(u8 val)
{
	return (val & 0x0f) + (val >> 4) * 10;
}

/**
 * mach_get_cmos_time - the RTC's time, in seconds since 1970 (UTC)
 *
 * Return: seconds since the epoch, or 0 if the RTC says nonsense.
 *
 * Waits out an update in progress (at most about 2 ms a second), then
 * reads the fields twice until two reads agree, so that a second that
 * ticks over between fields cannot give a time off by a minute or more.
 * Linux: mach_get_cmos_time() / mc146818_get_time()
 */
u64 __init mach_get_cmos_time(void)
{
	unsigned int sec, min, hour, day, mon, year, century, prev_sec;
	u8 status;

	do {
		while (cmos_read(RTC_REG_A) & RTC_UIP)
			cpu_relax();
		prev_sec = cmos_read(RTC_SECONDS);
		min = cmos_read(RTC_MINUTES);
		hour = cmos_read(RTC_HOURS);
		day = cmos_read(RTC_DAY_OF_MONTH);
		mon = cmos_read(RTC_MONTH);
		year = cmos_read(RTC_YEAR);
		century = cmos_read(RTC_CENTURY);
		sec = cmos_read(RTC_SECONDS);
	} while (sec != prev_sec);
	status = cmos_read(RTC_REG_B);
	if (!(status & RTC_DM_BINARY)) {
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
		century = bcd2bin(century);
	}
	/* 12-hour mode: bit 7 is PM; 12 AM is 0:00. */
	if (!(status & RTC_24H) && (hour & 0x80))
		hour = (hour & 0x7f) % 12 + 12;
	else if (!(status & RTC_24H))
		hour %= 12;
	year += century >= 19 && century <= 21 ? century * 100 : (year < 70 ? 2000 : 1900);
	if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59)
		return 0;
	return mktime64(year, mon, day, hour, min, sec);
}
