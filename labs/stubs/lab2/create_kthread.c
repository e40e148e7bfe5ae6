/* TODO (lab 2): kthreadd's half: clone a kthread that starts in kthread(@create); if the clone fails, answer the creator yourself */
(void)create;
