#ifndef DUBAN_BENCH_H
#define DUBAN_BENCH_H
#include <stddef.h>

/// Opens a new pseudo-terminal of rows x columns: returns the master's descriptor and
/// writes the slave's path into `slave` (capacity bytes), or returns -1.
int duban_open_terminal(int rows, int columns, char *slave, size_t capacity);

/// posix_spawn's flag for starting the child in a new session (a GNU extension).
extern const short duban_spawn_setsid;

#endif
