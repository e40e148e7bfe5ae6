/* TODO (lab 4): stay parked (TASK_PARKED) for as long as kthread_park() asks; tell it when parked */
(void)self;
