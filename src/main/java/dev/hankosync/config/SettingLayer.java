package dev.hankosync.config;

import java.util.List;
import java.util.Map;

/**
 * One source of settings (flags, environment, env file, properties file, defaults), already mapped to
 * {@link SettingKey}s. Blank values are left out, so {@code SUPABASE_URL=} in a template does not hide a
 * value from a lower layer.
 *
 * @param values        what this layer provides
 * @param hintsIfUnset  explanations worth printing only if the setting ends up with no value at all, such
 *                      as why a self-hosted {@code NEXT_PUBLIC_HANKO_API_URL} was not turned into an admin URL
 */
record SettingLayer(Map<SettingKey, ResolvedValue> values, Map<SettingKey, List<String>> hintsIfUnset) {

    SettingLayer {
        values = Map.copyOf(values);
        hintsIfUnset = Map.copyOf(hintsIfUnset);
    }

    static SettingLayer of(Map<SettingKey, ResolvedValue> values) {
        return new SettingLayer(values, Map.of());
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
