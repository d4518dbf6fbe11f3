#ifndef SMARKETING_CPSEUDOTERMINAL_H
#define SMARKETING_CPSEUDOTERMINAL_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` on a new pseudo-terminal of `rows` x `cols`.
/// Returns the child's pid and stores the master side in `*master`, or returns -1.
pid_t smk_spawn_in_pty(const char *path, char *const argv[], char *const envp[], int rows, int cols, int *master);
#endif
