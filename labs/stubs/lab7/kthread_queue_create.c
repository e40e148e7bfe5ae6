/* TODO (lab 7): the boot's lockdep report is about this function: read it, answer the questions, then make the lock order agree with kthread_create_lock's rule */
spin_lock(&kthread_create_lock);
create->creator_pid = task_pid_nr(current);
create->creator_ppid = task_ppid_nr(current);
list_add_tail(&create->list, &kthread_create_list);
spin_unlock(&kthread_create_lock);
