/* TODO (lab 2): kthreadd's loop: serve the requests on kthread_create_list, one at a time; sleep when there are none */
/* The handout's kthreadd only sleeps: the creators clone their threads themselves (see __kthread_create_on_node()). */
(void)kthread_create_lock;
(void)kthread_create_list;
(void)create_kthread;
for (;;) {
	set_current_state(TASK_INTERRUPTIBLE);
	schedule();
}
return 0;
