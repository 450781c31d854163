package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** config.example.properties at the repository top documents exactly the settings of {@link SettingKey}. */
class ConfigExampleFileTest {

    // Surefire runs tests from the project directory.
    private static final Path EXAMPLE = Path.of("config.example.properties");
    private static final Pattern SETTING_LINE = Pattern.compile("^(?:#\\s*)?([a-z][a-z0-9_.]*)=(.*)$");

    private static List<String> lines() throws IOException {
        return Files.readAllLines(EXAMPLE);
    }

    /** property -> example value, for every {@code key=} or {@code # key=} line. */
    private static Map<String, String> settingLines() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : lines()) {
            Matcher matcher = SETTING_LINE.matcher(line);
            if (matcher.matches()) {
                settings.put(matcher.group(1), matcher.group(2));
            }
        }
        return settings;
    }

    @Test
    void everySettingKeyAppearsInTheExample() throws IOException {
        Map<String, String> documented = settingLines();
        List<String> absent = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            if (!documented.containsKey(key.property())) {
                absent.add(key.property());
            }
        }
        assertEquals(List.of(), absent);
    }

    @Test
    void everyKeyInTheExampleIsASettingKey() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String property : settingLines().keySet()) {
            if (SettingKey.forProperty(property).isEmpty()) {
                unknown.add(property);
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void exampleValuesOfSettingsWithDefaultsAreTheDefaults() throws IOException {
        Map<String, String> documented = settingLines();
        for (SettingKey key : SettingKey.values()) {
            key.defaultValue().ifPresent(value -> assertEquals(value, documented.get(key.property()), key.property()));
        }
    }

    @Test
    void everySettingHasACommentLineAboveIt() throws IOException {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (SETTING_LINE.matcher(lines.get(i)).matches()) {
                String above = i > 0 ? lines.get(i - 1) : "";
                assertTrue(above.startsWith("# ") && !SETTING_LINE.matcher(above).matches(),
                        "no comment above " + lines.get(i));
            }
        }
    }

    @Test
    void keysAreNotSetInTheExample() throws IOException {
        Map<String, String> documented = settingLines();
        for (SettingKey key : SettingKey.values()) {
            if (key.secret()) {
                assertEquals("", documented.get(key.property()), key.property());
            }
        }
        for (String line : lines()) {
            assertTrue(line.isEmpty() || line.startsWith("#"), "setting not commented out: " + line);
        }
    }

    @Test
    void exampleTellsUsersToKeepKeysInTheEnvironment() throws IOException {
        String text = Files.readString(EXAMPLE);

        assertTrue(text.contains("Keys are secrets. Keep them out of this file"));
        assertTrue(text.contains("HANKO_API_KEY") && text.contains("SUPABASE_SERVICE_ROLE_KEY"));
    }

    @Test
    void exampleLoadsWithoutWarnings() {
        LoadedSettings loaded = new SettingsLoader().loadAllowingMissing(ConfigSources.none().withConfigFile(EXAMPLE));

        assertEquals(List.of(), loaded.warnings());
    }
}
