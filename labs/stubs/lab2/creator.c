/* TODO (lab 2): the creator's half: hand the request to kthreadd and wait for the answer, killably (see the comment at the top of this file) */
/* Until then the creator clones the thread itself, as its own child, and waits uninterruptibly. */
{
	pid_t pid = kernel_thread(kthread, create, create->full_name, CLONE_FS | CLONE_FILES);

	if (pid < 0) {
		task = ERR_PTR(pid);
		goto free_create;
	}
}
wait_for_completion(&done);
task = create->result;
