package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String HANKO_KEY = "hanko_0123456789abcdefghijklmnop";
    private static final String SUPABASE_KEY = "sb_secret_0123456789abcdefghijklmnop";

    @Test
    void toStringRedactsBothKeysToASixCharacterPrefix() {
        Settings settings = Settings.withDefaults("https://t.hanko.io/admin", HANKO_KEY,
                "https://p.supabase.co", SUPABASE_KEY);

        String text = settings.toString();

        assertFalse(text.contains(HANKO_KEY), text);
        assertFalse(text.contains(SUPABASE_KEY), text);
        assertFalse(text.contains("0123456789"), text);
        assertTrue(text.contains("hankoApiKey=hanko_…"), text);
        assertTrue(text.contains("supabaseKey=sb_sec…"), text);
        assertTrue(text.contains("supabaseUrl=https://p.supabase.co"), text);
    }

    @Test
    void shortKeysAreHiddenCompletely() {
        assertEquals("…", KeyRedaction.redact("short-key"));
        assertEquals("(none)", KeyRedaction.redact(null));
    }

    @Test
    void loadedSettingsPrintedByAccidentDoNotLeakKeys() {
        Map<String, String> environment = Map.of("HANKO_ADMIN_URL", "https://t.hanko.io/admin",
                "HANKO_API_KEY", HANKO_KEY, "SUPABASE_URL", "https://p.supabase.co",
                "SUPABASE_SECRET_KEY", SUPABASE_KEY);

        LoadedSettings loaded = new SettingsLoader().load(ConfigSources.of(Map.of(), environment));

        assertFalse(loaded.toString().contains(HANKO_KEY));
        assertFalse(loaded.toString().contains(SUPABASE_KEY));
    }

    @Test
    void withDefaultsFillsOptionalSettingsFromTheTable() {
        Settings settings = Settings.withDefaults("http://127.0.0.1:1", null, "http://127.0.0.1:2", "k");

        assertEquals("http://127.0.0.1:1", settings.hankoAdminUrl());
        assertEquals("k", settings.supabaseKey());
        assertEquals("users", settings.table());
        assertEquals(Integer.parseInt(SettingKey.PAGE_SIZE.defaultValue().orElseThrow()), settings.pageSize());
    }

    @Test
    void withHankoAndWithSupabaseReplaceOnlyTheirEndpoint() {
        Settings base = Settings.withDefaults("https://a", "ka", "https://b", "kb");

        Settings hanko = base.withHanko("http://localhost:1", null);
        Settings supabase = base.withSupabase("http://localhost:2", "kc");

        assertEquals("http://localhost:1", hanko.hankoAdminUrl());
        assertEquals("https://b", hanko.supabaseUrl());
        assertEquals("kb", hanko.supabaseKey());
        assertEquals("https://a", supabase.hankoAdminUrl());
        assertEquals("ka", supabase.hankoApiKey());
        assertEquals("kc", supabase.supabaseKey());
    }

    @Test
    void flagMapWithUnknownPropertyIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfigSources.of(Map.of("page.size", "5"), Map.of()));
    }
}
