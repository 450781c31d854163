package dev.hankosync.cli;

import static org.fusesource.jansi.Ansi.ansi;

import org.fusesource.jansi.Ansi;

/** Paints text with jansi's ANSI codes when enabled, and leaves it plain otherwise. */
final class Colors {

    static final Colors NONE = new Colors(false);

    private final boolean enabled;

    Colors(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    String green(String text) {
        return paint(Ansi.Color.GREEN, text);
    }

    String yellow(String text) {
        return paint(Ansi.Color.YELLOW, text);
    }

    String red(String text) {
        return paint(Ansi.Color.RED, text);
    }

    String cyan(String text) {
        return paint(Ansi.Color.CYAN, text);
    }

    String magenta(String text) {
        return paint(Ansi.Color.MAGENTA, text);
    }

    String bold(String text) {
        return enabled ? ansi().bold().a(text).reset().toString() : text;
    }

    private String paint(Ansi.Color color, String text) {
        return enabled ? ansi().fg(color).a(text).reset().toString() : text;
    }
}
