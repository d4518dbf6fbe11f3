// Wide-character ncurses for Swift: the library's header plus inline wrappers for what Swift cannot
// import directly (macros and variadic functions).
#ifndef SMARKETING_CNCURSESW_SHIM_H
#define SMARKETING_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *smk_stdscr(void) { return stdscr; }
static inline int smk_lines(void) { return LINES; }
static inline int smk_cols(void) { return COLS; }
static inline int smk_colors(void) { return COLORS; }
static inline int smk_color_pairs(void) { return COLOR_PAIRS; }
static inline int smk_key_resize(void) { return KEY_RESIZE; }
static inline int smk_key_code_yes(void) { return KEY_CODE_YES; }
static inline int smk_err(void) { return ERR; }
static inline int smk_ok(void) { return OK; }

static inline attr_t smk_a_bold(void) { return A_BOLD; }
static inline attr_t smk_a_dim(void) { return A_DIM; }
static inline attr_t smk_a_underline(void) { return A_UNDERLINE; }
static inline attr_t smk_a_reverse(void) { return A_REVERSE; }
static inline attr_t smk_a_normal(void) { return A_NORMAL; }

/// A screen on the process's own stdin and stdout; NULL (not exit) when the terminal is unusable.
static inline SCREEN *smk_newterm(void) { return newterm(NULL, stdout, stdin); }
/// Makes the next refresh repaint everything.
static inline int smk_clear_on_next_refresh(void) { return clearok(curscr, TRUE); }

/// Draws one cell: a base character plus up to four zero-width marks, in a colour pair.
static inline int smk_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, (short)(pair < 32767 ? pair : 0), &pair) != OK) {
        return ERR;
    }
    return mvadd_wch(y, x, &cell);
}

/// The terminfo string for a capability, or NULL.
static inline const char *smk_tigetstr(const char *name) {
    char *s = tigetstr((char *)name);
    if (s == (char *)-1) return NULL;
    return s;
}
#endif
