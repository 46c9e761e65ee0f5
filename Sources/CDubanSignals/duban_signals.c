// The one signal flag. It lives here, in a .c file, and nowhere else: a `static` in a
// header imported by two Swift modules gives each module its own copy (the release build
// did: the handler set one flag and the event loop read the other).
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "duban_signals.h"

static volatile sig_atomic_t pending_signal = 0;

static void handle_signal(int sig) { pending_signal = sig; }

void duban_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handle_signal;
  sigemptyset(&sa.sa_mask);
  // No SA_RESTART: a read waiting for a key returns at once, and the loop sees the flag.
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
}

int duban_take_signal(void) {
  int s = pending_signal;
  if (s != 0) pending_signal = 0;
  return s;
}

void duban_forget_interrupt(void) {
  if (pending_signal == SIGINT) pending_signal = 0;
}

int duban_terminal_gone(int fd) {
  struct pollfd p = {.fd = fd, .events = POLLIN, .revents = 0};
  int r = poll(&p, 1, 0);
  if (r < 0) return errno != EINTR && errno != EAGAIN && errno != ENOMEM;
  if (r == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) return 1;
  // A hung-up tty answers every ioctl with EIO.
  if (tcgetpgrp(fd) < 0 && (errno == EIO || errno == EBADF)) return 1;
  return 0;
}
