#ifndef DUBAN_SIGNALS_H
#define DUBAN_SIGNALS_H

/// SIGTERM, SIGINT and SIGHUP only record which signal came; the event loop saves what is
/// pending, restores the terminal and exits 128 + N. Call once, before ncurses starts (it
/// then leaves SIGINT and SIGTERM to us).
void duban_install_signal_handlers(void);

/// The signal that asked us to stop since the last call, or 0; clears it.
int duban_take_signal(void);

/// Clears a pending SIGINT (a Ctrl-C typed while $EDITOR had the terminal was meant for the
/// editor); any other pending signal stays.
void duban_forget_interrupt(void);

/// 1 when the terminal on `fd` is gone (hung up, closed, EOF or EIO), 0 while it lives.
/// Does not block.
int duban_terminal_gone(int fd);

#endif
