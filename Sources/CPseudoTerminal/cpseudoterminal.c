#include "cpseudoterminal.h"
#include <pty.h>
#include <unistd.h>
#include <signal.h>
#include <string.h>

pid_t smk_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = (unsigned short)rows;
    size.ws_col = (unsigned short)cols;
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
