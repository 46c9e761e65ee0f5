#ifndef DUBAN_CNCURSESW_SHIM_H
#define DUBAN_CNCURSESW_SHIM_H
// The wide-character API is hidden unless this is set before the include.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros Swift cannot import, re-exposed as constants and functions.
static const unsigned int duban_A_NORMAL = A_NORMAL;
static const unsigned int duban_A_BOLD = A_BOLD;
static const unsigned int duban_A_REVERSE = A_REVERSE;
static const unsigned int duban_A_UNDERLINE = A_UNDERLINE;
static const unsigned int duban_A_DIM = A_DIM;

static inline WINDOW *duban_stdscr(void) { return stdscr; }
static inline int duban_lines(void) { return LINES; }
static inline int duban_cols(void) { return COLS; }
static inline int duban_color_pair(int n) { return COLOR_PAIR(n); }

static inline int duban_set_style(WINDOW *w, unsigned int attrs, short pair) {
  return wattr_set(w, (attr_t)attrs, pair, NULL);
}

// Signals only set a flag; the event loop acts on it (restores the terminal, exits).
#include <signal.h>
#include <string.h>
static volatile sig_atomic_t duban_pending_signal = 0;
static void duban_signal_handler(int sig) { duban_pending_signal = sig; }
static inline void duban_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = duban_signal_handler;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
}
static inline int duban_take_signal(void) {
  int s = duban_pending_signal;
  duban_pending_signal = 0;
  return s;
}
static inline unsigned long duban_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline unsigned long duban_button4(void) { return BUTTON4_PRESSED; }
static inline unsigned long duban_button5(void) { return BUTTON5_PRESSED; }
static inline unsigned long duban_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
#endif
