/* TODO (lab 3): real time -> virtual time for @se's weight */
(void)se;
return delta;
