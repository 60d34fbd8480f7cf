// The one C header Gantry needs: wide-character ncurses plus small wrappers for what Swift cannot
// import (function-like macros, C globals under Swift 6 concurrency checking, signal flags).
#ifndef GANTRY_CNCURSESW_SHIM_H
#define GANTRY_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

static inline WINDOW *gantry_stdscr(void) { return stdscr; }
static inline FILE *stdout_handle(void) { return stdout; }
static inline FILE *stdin_handle(void) { return stdin; }
static inline int gantry_lines(void) { return LINES; }
static inline int gantry_cols(void) { return COLS; }
static inline int gantry_colors(void) { return COLORS; }
static inline int gantry_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t gantry_a_normal(void) { return A_NORMAL; }
static inline attr_t gantry_a_bold(void) { return A_BOLD; }
static inline attr_t gantry_a_dim(void) { return A_DIM; }
static inline attr_t gantry_a_reverse(void) { return A_REVERSE; }
static inline attr_t gantry_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gantry_a_italic(void) { return A_ITALIC; }

static inline mmask_t gantry_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int gantry_is_button1(mmask_t s) { return (s & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int gantry_is_wheel_up(mmask_t s) { return (s & BUTTON4_PRESSED) != 0; }
static inline int gantry_is_wheel_down(mmask_t s) { return (s & BUTTON5_PRESSED) != 0; }

// Signals that must end the session cleanly are recorded here and handled by the main loop,
// which restores the terminal outside the signal handler.
static volatile sig_atomic_t gantry_pending_signal = 0;
static inline void gantry_record_signal(int sig) { gantry_pending_signal = sig; }
static inline void gantry_install_exit_signals(void) {
    struct sigaction sa;
    sa.sa_handler = gantry_record_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, 0);
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGQUIT, &sa, 0);
    // A parent may have left these blocked; the session must still hear them.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, 0);
}
static inline int gantry_take_signal(void) {
    int s = gantry_pending_signal;
    gantry_pending_signal = 0;
    return s;
}

#endif
