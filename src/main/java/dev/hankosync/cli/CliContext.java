package dev.hankosync.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the process: the environment, whether stdout and stderr are terminals, and the
 * clock. {@link Main} builds the real one; tests build their own, so no command reads the process directly.
 */
public record CliContext(Map<String, String> environment, boolean stdoutIsTerminal, boolean stderrIsTerminal,
                         Clock clock, StopSignals stopSignals) {

    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** The context of the running process. */
    public static CliContext ofProcess() {
        return new CliContext(System.getenv(), TerminalCheck.stdout(), TerminalCheck.stderr(), Clock.systemUTC(),
                StopSignals.installed());
    }

    /** A context for tests: the given environment, no terminal, no signal handling. */
    public static CliContext forTests(Map<String, String> environment) {
        return new CliContext(environment, false, false, Clock.systemUTC(), StopSignals.none());
    }
}
