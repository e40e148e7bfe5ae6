/* TODO (lab 5): the loop of every smpboot thread: stop, park (with the park hook), the setup and unpark hooks, the work */
struct smpboot_thread_data *td = data;
struct smp_hotplug_thread *ht = td->ht;

/*
 * A start that keeps the kernel working: it stops when asked and parks
 * when asked, but never calls the owner's setup(), park(), unpark() or
 * cleanup() hooks, and does not track where the thread is in its life
 * (td->status). Replace it with the real state machine.
 */
for (;;) {
	set_current_state(TASK_INTERRUPTIBLE);
	if (kthread_should_stop()) {
		__set_current_state(TASK_RUNNING);
		kfree(td);
		return 0;
	}
	if (kthread_should_park()) {
		__set_current_state(TASK_RUNNING);
		kthread_parkme();
		continue;
	}
	if (!ht->thread_should_run(td->cpu)) {
		schedule();
		continue;
	}
	__set_current_state(TASK_RUNNING);
	ht->thread_fn(td->cpu);
}
