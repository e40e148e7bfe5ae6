/* TODO (lab 4): let a parked @k run again (a per-CPU thread back on its CPU first) */
(void)k;
