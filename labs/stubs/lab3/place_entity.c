/* TODO (lab 3): where @se enters the timeline: a new task, or a waking sleeper */
(void)cfs_rq;
se->vruntime = initial ? 0 : se->vruntime;
