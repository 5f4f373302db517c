/* Copied from the team's shared tools (wayland-session); built by tests/support/wayland/kde.py.
 * kwinput: keys, text and clicks on KWin (Plasma on Wayland) through org_kde_kwin_fake_input (v4),
 * the protocol KWin offers instead of zwp_virtual_keyboard_v1 / zwlr_virtual_pointer_v1. KWin keeps it
 * for trusted clients: run the compositor with KWIN_WAYLAND_NO_PERMISSION_CHECKS=1.
 *
 *   kwinput key KEY...            xkb key names (Escape, Return, a, F1), combos as ctrl+shift+t
 *   kwinput type TEXT             printable ASCII and newlines, on a US keymap
 *   kwinput click X Y [left|right|middle|move]
 *
 * Keys are evdev codes, so KWin's keymap (US unless configured) decides what they mean. Every name is
 * checked before the first press, so that no modifier stays down. Uses WAYLAND_DISPLAY.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <linux/input-event-codes.h>
#include <wayland-client.h>
#include "fake-input-client-protocol.h"

static struct org_kde_kwin_fake_input *fake;
static uint32_t fake_version;

static void global(void *data, struct wl_registry *reg, uint32_t name, const char *iface, uint32_t version) {
    (void)data;
    if (!strcmp(iface, org_kde_kwin_fake_input_interface.name)) {
        fake_version = version < 4 ? version : 4;
        fake = wl_registry_bind(reg, name, &org_kde_kwin_fake_input_interface, fake_version);
    }
}
static void global_remove(void *data, struct wl_registry *reg, uint32_t name) { (void)data; (void)reg; (void)name; }
static const struct wl_registry_listener listener = {global, global_remove};

struct named { const char *name; int code; };
static const struct named named_keys[] = {
    {"Escape", KEY_ESC}, {"Return", KEY_ENTER}, {"KP_Enter", KEY_KPENTER}, {"Tab", KEY_TAB},
    {"space", KEY_SPACE}, {"BackSpace", KEY_BACKSPACE}, {"Delete", KEY_DELETE}, {"Insert", KEY_INSERT},
    {"Home", KEY_HOME}, {"End", KEY_END}, {"Page_Up", KEY_PAGEUP}, {"Prior", KEY_PAGEUP},
    {"Page_Down", KEY_PAGEDOWN}, {"Next", KEY_PAGEDOWN}, {"Up", KEY_UP}, {"Down", KEY_DOWN},
    {"Left", KEY_LEFT}, {"Right", KEY_RIGHT}, {"Menu", KEY_COMPOSE}, {"Print", KEY_SYSRQ},
    {"Shift_L", KEY_LEFTSHIFT}, {"Shift_R", KEY_RIGHTSHIFT}, {"Control_L", KEY_LEFTCTRL},
    {"Control_R", KEY_RIGHTCTRL}, {"Alt_L", KEY_LEFTALT}, {"Alt_R", KEY_RIGHTALT}, {"Super_L", KEY_LEFTMETA},
    {"Super_R", KEY_RIGHTMETA}, {"Meta_L", KEY_LEFTMETA}, {"ISO_Level3_Shift", KEY_RIGHTALT},
    {"Caps_Lock", KEY_CAPSLOCK}, {"F1", KEY_F1}, {"F2", KEY_F2}, {"F3", KEY_F3}, {"F4", KEY_F4},
    {"F5", KEY_F5}, {"F6", KEY_F6}, {"F7", KEY_F7}, {"F8", KEY_F8}, {"F9", KEY_F9}, {"F10", KEY_F10},
    {"F11", KEY_F11}, {"F12", KEY_F12},
    {"minus", KEY_MINUS}, {"equal", KEY_EQUAL}, {"comma", KEY_COMMA}, {"period", KEY_DOT},
    {"slash", KEY_SLASH}, {"semicolon", KEY_SEMICOLON}, {"apostrophe", KEY_APOSTROPHE},
    {"grave", KEY_GRAVE}, {"backslash", KEY_BACKSLASH}, {"bracketleft", KEY_LEFTBRACE},
    {"bracketright", KEY_RIGHTBRACE},
};
static const struct named modifiers[] = {
    {"ctrl", KEY_LEFTCTRL}, {"control", KEY_LEFTCTRL}, {"shift", KEY_LEFTSHIFT}, {"alt", KEY_LEFTALT},
    {"super", KEY_LEFTMETA}, {"logo", KEY_LEFTMETA}, {"win", KEY_LEFTMETA}, {"meta", KEY_LEFTMETA},
    {"altgr", KEY_RIGHTALT},
};
/* US layout: the key of each printable ASCII character, and whether it needs Shift */
static const char row_plain[] = "1234567890-=qwertyuiop[]asdfghjkl;'`\\zxcvbnm,./ ";
static const char row_shift[] = "!@#$%^&*()_+QWERTYUIOP{}ASDFGHJKL:\"~|ZXCVBNM<>? ";
static const int row_codes[] = {KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9, KEY_0,
    KEY_MINUS, KEY_EQUAL, KEY_Q, KEY_W, KEY_E, KEY_R, KEY_T, KEY_Y, KEY_U, KEY_I, KEY_O, KEY_P,
    KEY_LEFTBRACE, KEY_RIGHTBRACE, KEY_A, KEY_S, KEY_D, KEY_F, KEY_G, KEY_H, KEY_J, KEY_K, KEY_L,
    KEY_SEMICOLON, KEY_APOSTROPHE, KEY_GRAVE, KEY_BACKSLASH, KEY_Z, KEY_X, KEY_C, KEY_V, KEY_B, KEY_N,
    KEY_M, KEY_COMMA, KEY_DOT, KEY_SLASH, KEY_SPACE};

static int char_code(char c, int *shift) {
    const char *p;
    if (c == '\n') { *shift = 0; return KEY_ENTER; }
    if (c == '\t') { *shift = 0; return KEY_TAB; }
    if (c && (p = strchr(row_plain, c))) { *shift = 0; return row_codes[p - row_plain]; }
    if (c && (p = strchr(row_shift, c))) { *shift = 1; return row_codes[p - row_shift]; }
    return -1;
}
static int key_code(const char *name, int *shift) {
    size_t i;
    *shift = 0;
    for (i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
        if (!strcmp(name, named_keys[i].name)) return named_keys[i].code;
    if (strlen(name) == 1) return char_code(name[0], shift);
    return -1;
}
static int mod_code(const char *name) {
    size_t i;
    for (i = 0; i < sizeof modifiers / sizeof *modifiers; i++)
        if (!strcasecmp(name, modifiers[i].name)) return modifiers[i].code;
    return -1;
}

static struct wl_display *dpy;
static void send_key(int code, int pressed) {
    org_kde_kwin_fake_input_keyboard_key(fake, (uint32_t)code, pressed ? 1 : 0);
    wl_display_roundtrip(dpy);
    usleep(pressed ? 20000 : 30000);
}
static void tap(int code, int shift) {
    if (shift) send_key(KEY_LEFTSHIFT, 1);
    send_key(code, 1);
    send_key(code, 0);
    if (shift) send_key(KEY_LEFTSHIFT, 0);
}

#define MAXMODS 8
struct combo { int mods[MAXMODS], nmods, code, shift; };

static int parse_combo(const char *arg, struct combo *c) {
    char buf[256], *part, *last, *save = NULL;
    snprintf(buf, sizeof buf, "%s", arg);
    c->nmods = 0;
    last = strrchr(buf, '+');
    if (last && last[1]) {  /* "ctrl+q": modifiers before the last '+' */
        *last++ = 0;
        for (part = strtok_r(buf, "+", &save); part; part = strtok_r(NULL, "+", &save)) {
            int m = mod_code(part);
            if (m < 0 || c->nmods == MAXMODS) { fprintf(stderr, "kwinput: unknown modifier %s\n", part); return -1; }
            c->mods[c->nmods++] = m;
        }
    } else last = buf;
    c->code = key_code(last, &c->shift);
    if (c->code < 0) { fprintf(stderr, "kwinput: unknown key %s\n", last); return -1; }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) goto usage;
    dpy = wl_display_connect(NULL);
    if (!dpy) { fprintf(stderr, "kwinput: cannot connect to the Wayland display\n"); return 1; }
    struct wl_registry *reg = wl_display_get_registry(dpy);
    wl_registry_add_listener(reg, &listener, NULL);
    wl_display_roundtrip(dpy);
    if (!fake) { fprintf(stderr, "kwinput: the compositor offers no org_kde_kwin_fake_input\n"); return 1; }
    org_kde_kwin_fake_input_authenticate(fake, "reconnect-tests", "drive a test desktop");
    wl_display_roundtrip(dpy);

    if (!strcmp(argv[1], "key") && argc > 2) {
        if (fake_version < 4) { fprintf(stderr, "kwinput: fake input v%u has no keyboard_key\n", fake_version); return 1; }
        int n = argc - 2, i, j;
        struct combo *combos = calloc((size_t)n, sizeof *combos);
        for (i = 0; i < n; i++)
            if (parse_combo(argv[i + 2], &combos[i])) return 1;
        for (i = 0; i < n; i++) {
            for (j = 0; j < combos[i].nmods; j++) send_key(combos[i].mods[j], 1);
            tap(combos[i].code, combos[i].shift);
            for (j = combos[i].nmods - 1; j >= 0; j--) send_key(combos[i].mods[j], 0);
            usleep(100000);
        }
    } else if (!strcmp(argv[1], "type") && argc == 3) {
        if (fake_version < 4) { fprintf(stderr, "kwinput: fake input v%u has no keyboard_key\n", fake_version); return 1; }
        const char *s;
        int shift;
        for (s = argv[2]; *s; s++)
            if (char_code(*s, &shift) < 0) { fprintf(stderr, "kwinput: cannot type %c (only printable ASCII)\n", *s); return 1; }
        for (s = argv[2]; *s; s++) { int code = char_code(*s, &shift); tap(code, shift); }
    } else if (!strcmp(argv[1], "click") && (argc == 4 || argc == 5)) {
        const char *b = argc == 5 ? argv[4] : "left";
        uint32_t button = !strcmp(b, "left") ? BTN_LEFT : !strcmp(b, "right") ? BTN_RIGHT : !strcmp(b, "middle") ? BTN_MIDDLE : 0;
        if (!button && strcmp(b, "move")) goto usage;
        if (fake_version < 3) { fprintf(stderr, "kwinput: fake input v%u has no absolute motion\n", fake_version); return 1; }
        org_kde_kwin_fake_input_pointer_motion_absolute(fake, wl_fixed_from_int(atoi(argv[2])), wl_fixed_from_int(atoi(argv[3])));
        wl_display_roundtrip(dpy);
        usleep(150000);
        if (button) {
            org_kde_kwin_fake_input_button(fake, button, WL_POINTER_BUTTON_STATE_PRESSED);
            wl_display_roundtrip(dpy);
            usleep(80000);
            org_kde_kwin_fake_input_button(fake, button, WL_POINTER_BUTTON_STATE_RELEASED);
            wl_display_roundtrip(dpy);
            usleep(300000);
        }
    } else goto usage;
    wl_display_roundtrip(dpy);
    wl_display_disconnect(dpy);
    return 0;
usage:
    fprintf(stderr, "usage: kwinput key KEY... | type TEXT | click X Y [left|right|middle|move]\n");
    return 2;
}
