package dev.hankosync.config;

import java.util.List;

/**
 * A configuration problem the operator must fix before anything runs. The message is a single line
 * written for a person at a terminal (the CLI prints it and exits with code 2), and it never contains
 * a key: at most the name of the option, variable or file that supplied the bad value.
 *
 * <p>{@link #warnings()} holds the warnings gathered before the failure. They often explain it (an unknown
 * key {@code supabase.ulr} in the config file is why the Supabase URL is missing), so the CLI should
 * print them before the error.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> warnings;

    public ConfigException(String message) {
        this(message, List.of());
    }

    public ConfigException(String message, List<String> warnings) {
        super(oneLine(message));
        this.warnings = List.copyOf(warnings);
    }

    /** Warnings found before this error, in the order found; none contains a key. */
    public List<String> warnings() {
        return warnings;
    }

    // A message is printed as one line after "error: ", so stray line breaks would break that layout.
    private static String oneLine(String message) {
        return message.replaceAll("[\\r\\n]+", " ").strip();
    }
}
