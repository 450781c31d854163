package dev.hankosync.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code --config} file: Java properties text in UTF-8, keys named by {@link SettingKey#property()}.
 * Unknown keys are ignored with a warning that suggests the nearest known key, since a typo would
 * otherwise silently fall back to the default.
 */
final class PropertiesFile {

    private static final String KIND = "config file";

    private PropertiesFile() {
    }

    static SettingLayer read(Path file, List<String> warnings) {
        Map<String, String> entries = entries(file);
        Map<SettingKey, ResolvedValue> values = new EnumMap<>(SettingKey.class);
        boolean holdsKey = false;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String property = entry.getKey();
            SettingKey key = SettingKey.forProperty(property).orElse(null);
            if (key == null) {
                warnings.add(unknownKeyWarning(file, property));
                continue;
            }
            if (SettingLayer.isBlank(entry.getValue())) {
                continue;
            }
            values.put(key, new ResolvedValue(entry.getValue().strip(), property + " in " + file));
            holdsKey |= key.secret();
        }
        if (holdsKey && FilePermissions.readableByOthers(file)) {
            warnings.add(FilePermissions.warning(file));
        }
        return SettingLayer.of(values);
    }

    private static Map<String, String> entries(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(ConfigFileText.read(file, KIND)));
        } catch (IllegalArgumentException e) {
            // Properties' only parse error: a backslash-u escape that is not followed by four hex digits.
            throw ConfigFileText.cannotRead(file, KIND, "it has a malformed \\uXXXX escape");
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            sorted.put(name, properties.getProperty(name));
        }
        return sorted;
    }

    private static String unknownKeyWarning(Path file, String property) {
        String warning = "unknown key " + property + " in " + file + " is ignored";
        return NearestKey.to(property)
                .map(key -> warning + "; did you mean " + key.property() + "?")
                .orElse(warning);
    }
}
