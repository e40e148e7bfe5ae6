/* TODO (lab 1): would a wait return at once? Consume nothing */
(void)x;
return false;
