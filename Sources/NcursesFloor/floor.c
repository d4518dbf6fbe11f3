/* The floor for the start-up comparison in BENCHMARKS.md: the least an ncurses program can do.
   It fills the screen with text, shows it, and exits on its first key. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    for (int y = 0; y < LINES; y++) {
        for (int x = 0; x < COLS; x++) {
            mvaddch(y, x, (chtype)('a' + (x + y) % 26));
        }
    }
    mvaddstr(LINES - 1, 0, "FLOOR-READY");
    refresh();
    getch();
    endwin();
    return 0;
}
