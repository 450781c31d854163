package dev.hankosync.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves every {@link SettingKey} from its sources and validates the result.
 *
 * <p>Precedence, highest first: flags, the process environment, the {@code --env-file}, the
 * {@code --config} properties file, defaults. The env file acts as environment, but the real
 * environment wins over it. Within one environment source, a setting's own variables win over the names
 * from Hanko's Supabase guide, and {@code SUPABASE_SERVICE_ROLE_KEY} wins over {@code SUPABASE_SECRET_KEY}.
 * Blank values count as unset. {@code PGPASSWORD} (environment first, then the env file) completes the database URL.
 */
public final class SettingsLoader {

    /** Settings for commands that talk to both APIs; a missing required setting is an error. */
    public LoadedSettings load(ConfigSources sources) {
        return load(sources, true);
    }

    /**
     * Settings for {@code demo}, which points the endpoints at its sandbox: required settings may be
     * missing (left null), but every value that is given must still be valid.
     */
    public LoadedSettings loadAllowingMissing(ConfigSources sources) {
        return load(sources, false);
    }

    private LoadedSettings load(ConfigSources sources, boolean requireComplete) {
        List<String> warnings = new ArrayList<>();
        try {
            Map<String, String> envFileVariables = sources.envFileIfGiven().map(DotenvFile::read).orElse(Map.of());
            List<SettingLayer> layers = new ArrayList<>();
            layers.add(flagLayer(sources.flags()));
            layers.add(EnvironmentNames.fromProcess(sources.environment()));
            sources.envFileIfGiven().ifPresent(file -> layers.add(envFileLayer(file, envFileVariables, warnings)));
            sources.configFileIfGiven().ifPresent(file -> layers.add(PropertiesFile.read(file, warnings)));
            layers.add(defaultLayer());

            Map<SettingKey, ResolvedValue> resolved = resolve(layers, warnings);
            String databasePassword = EnvironmentNames.databasePassword(sources.environment(), envFileVariables);
            Settings settings = new SettingsValidator(resolved, databasePassword, requireComplete, warnings).validate();
            return new LoadedSettings(settings, warnings);
        } catch (ConfigException e) {
            // Re-thrown with the warnings so far, which often explain the error.
            throw new ConfigException(e.getMessage(), warnings);
        }
    }

    /** For each setting the value of the first layer that has one; hints for settings none has. */
    private static Map<SettingKey, ResolvedValue> resolve(List<SettingLayer> layers, List<String> warnings) {
        Map<SettingKey, ResolvedValue> resolved = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            for (SettingLayer layer : layers) {
                ResolvedValue value = layer.values().get(key);
                if (value != null) {
                    resolved.put(key, value);
                    break;
                }
            }
            if (!resolved.containsKey(key)) {
                for (SettingLayer layer : layers) {
                    warnings.addAll(layer.hintsIfUnset().getOrDefault(key, List.of()));
                }
            }
        }
        return resolved;
    }

    private static SettingLayer flagLayer(Map<String, String> flags) {
        Map<SettingKey, ResolvedValue> values = new EnumMap<>(SettingKey.class);
        flags.forEach((property, text) -> {
            SettingKey key = SettingKey.forProperty(property).orElseThrow();
            if (!SettingLayer.isBlank(text)) {
                values.put(key, new ResolvedValue(text.strip(), key.flag()));
            }
        });
        return SettingLayer.of(values);
    }

    private static SettingLayer envFileLayer(Path file, Map<String, String> variables, List<String> warnings) {
        if (EnvironmentNames.holdKey(variables) && FilePermissions.readableByOthers(file)) {
            warnings.add(FilePermissions.warning(file));
        }
        return EnvironmentNames.fromFile(variables, file.toString());
    }

    private static SettingLayer defaultLayer() {
        Map<SettingKey, ResolvedValue> values = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            key.defaultValue().ifPresent(text -> values.put(key, new ResolvedValue(text, "the default")));
        }
        return SettingLayer.of(values);
    }
}
