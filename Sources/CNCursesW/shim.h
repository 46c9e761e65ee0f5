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
#endif
