package dev.hankosync.cli;

/** {@code --color auto|always|never}: whether text output carries ANSI colours. */
enum ColorChoice {
    auto, always, never;

    /**
     * Under {@code auto}: colours only on a terminal, and not when {@code NO_COLOR} is set to a non-empty value
     * (no-color.org: an empty NO_COLOR counts as unset). An explicit {@code always} or {@code never} wins over both.
     */
    boolean enabled(CliContext context, boolean streamIsTerminal) {
        return switch (this) {
            case always -> true;
            case never -> false;
            case auto -> streamIsTerminal && context.environment().getOrDefault("NO_COLOR", "").isEmpty();
        };
    }
}
