package dev.hankosync.cli;

import org.fusesource.jansi.internal.CLibrary;

/**
 * Whether stdout and stderr, each on its own, are terminals. {@code System.console()} cannot say: it needs stdin
 * and stdout both to be terminals, so {@code hanko-sync > plan.txt} would lose its progress bar and
 * {@code hanko-sync 2> errors.log} would write one into the log. jansi's native {@code isatty} asks per stream;
 * where its library cannot load, {@code System.console()} is the fallback.
 */
final class TerminalCheck {

    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private TerminalCheck() {}

    static boolean stdout() {
        return isTerminal(STDOUT);
    }

    static boolean stderr() {
        return isTerminal(STDERR);
    }

    private static boolean isTerminal(int fd) {
        try {
            if (CLibrary.LOADED && CLibrary.HAVE_ISATTY) {
                return CLibrary.isatty(fd) == 1;
            }
        } catch (LinkageError | RuntimeException nativeUnavailable) {
            // fall through to the JDK's answer
        }
        return System.console() != null;
    }
}
