package dev.hankosync.config;

import java.util.List;

/**
 * Settings plus the warnings found while loading them (unknown config keys, keys sent over plain http,
 * a key file others can read, ...). The CLI prints the warnings to stderr; none of them contains a key.
 */
public record LoadedSettings(Settings settings, List<String> warnings) {

    public LoadedSettings {
        warnings = List.copyOf(warnings);
    }
}
