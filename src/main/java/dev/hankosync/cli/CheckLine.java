package dev.hankosync.cli;

import java.util.List;

/**
 * One finding of {@code hanko-sync check}: a mark, one line of text that says what was found and, when something
 * is wrong, what to do; and optional indented lines below it (SQL to run).
 */
record CheckLine(Mark mark, String text, List<String> details) {

    enum Mark {
        /** Works. */
        PASS("✓"),
        /** Stops the sync from working; check exits 1. */
        FAIL("✗"),
        /** Works, but worth attention. */
        WARN("!"),
        /** Cannot be told from here; the text says how to find out. */
        UNKNOWN("?");

        final String symbol;

        Mark(String symbol) {
            this.symbol = symbol;
        }
    }

    CheckLine {
        details = List.copyOf(details);
    }

    static CheckLine pass(String text) {
        return new CheckLine(Mark.PASS, text, List.of());
    }

    static CheckLine fail(String text) {
        return new CheckLine(Mark.FAIL, text, List.of());
    }

    static CheckLine warn(String text) {
        return new CheckLine(Mark.WARN, text, List.of());
    }

    static CheckLine unknown(String text, List<String> details) {
        return new CheckLine(Mark.UNKNOWN, text, details);
    }
}
