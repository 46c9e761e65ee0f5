#ifndef DUBAN_CNCURSESW_SHIM_H
#define DUBAN_CNCURSESW_SHIM_H
// The wide-character API is hidden unless this is set before the include.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros Swift cannot import, re-exposed as constants and functions.
static const unsigned int duban_A_NORMAL = A_NORMAL;
static const unsigned int duban_A_BOLD = A_BOLD;
static const unsigned int duban_A_REVERSE = A_REVERSE;
static const unsigned int duban_A_UNDERLINE = A_UNDERLINE;
static const unsigned int duban_A_DIM = A_DIM;


static inline int duban_set_style(WINDOW *w, unsigned int attrs, short pair) {
  return wattr_set(w, (attr_t)attrs, pair, NULL);
}

// Whether the terminal $TERM names can draw the dashboard: it has a terminfo entry and an
// addressable cursor (TERM=dumb has none). Call before newterm; leaves no terminal set up.
static inline int duban_terminal_can_draw(int fd) {
  int err = 0;
  if (setupterm(NULL, fd, &err) != OK) return 0;
  const char *cup = tigetstr("cup");
  int ok = cup != NULL && cup != (const char *)-1;
  del_curterm(cur_term);
  return ok;
}

// initscr() exits the process when the terminal cannot be set up; newterm returns NULL.
static inline WINDOW *duban_start(void) {
  if (newterm(NULL, stdout, stdin) == NULL) return NULL;
  return stdscr;
}
static inline unsigned long duban_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline unsigned long duban_button4(void) { return BUTTON4_PRESSED; }
static inline unsigned long duban_button5(void) { return BUTTON5_PRESSED; }
static inline unsigned long duban_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
#endif
