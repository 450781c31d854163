package dev.hankosync.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the loader reads, passed in so that tests control it: the process environment is handed
 * over rather than read with {@code System.getenv()}.
 *
 * @param flags       values of the flags the user actually gave, keyed by property name
 *                    ({@code "sync.page.size" -> "50"}); see {@link SettingKey#property()}
 * @param environment the process environment
 * @param configFile  the {@code --config} properties file, or null
 * @param envFile     the {@code --env-file} dotenv file, or null
 */
public record ConfigSources(Map<String, String> flags, Map<String, String> environment,
                            Path configFile, Path envFile) {

    public ConfigSources {
        flags = Map.copyOf(flags);
        environment = Map.copyOf(environment);
        for (String property : flags.keySet()) {
            if (SettingKey.forProperty(property).isEmpty()) {
                // A programming error in the CLI layer, not an operator mistake.
                throw new IllegalArgumentException("flag map holds unknown property " + property);
            }
        }
    }

    /** No flags, no environment, no files: only defaults. */
    public static ConfigSources none() {
        return new ConfigSources(Map.of(), Map.of(), null, null);
    }

    public static ConfigSources of(Map<String, String> flags, Map<String, String> environment) {
        return new ConfigSources(flags, environment, null, null);
    }

    public ConfigSources withConfigFile(Path file) {
        return new ConfigSources(flags, environment, file, envFile);
    }

    public ConfigSources withEnvFile(Path file) {
        return new ConfigSources(flags, environment, configFile, file);
    }

    public Optional<Path> configFileIfGiven() {
        return Optional.ofNullable(configFile);
    }

    public Optional<Path> envFileIfGiven() {
        return Optional.ofNullable(envFile);
    }
}
