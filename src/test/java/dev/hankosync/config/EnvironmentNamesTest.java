package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's own variable names, both Supabase key names, and the names from Hanko's Supabase guide. */
class EnvironmentNamesTest {

    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader();

    private LoadedSettings fromEnvironment(Map<String, String> environment) {
        return loader.loadAllowingMissing(ConfigSources.of(Map.of(), environment));
    }

    private LoadedSettings fromEnvFile(String text) throws IOException {
        Path env = Files.writeString(dir.resolve(".env.local"), text);
        return loader.loadAllowingMissing(ConfigSources.none().withEnvFile(env));
    }

    @Test
    void readsTheToolsOwnVariables() {
        Settings settings = fromEnvironment(Map.of(
                "HANKO_ADMIN_URL", "https://t.hanko.io/admin",
                "HANKO_API_KEY", "hanko-key-0123456789",
                "SUPABASE_URL", "https://p.supabase.co",
                "SUPABASE_SERVICE_ROLE_KEY", "service-role-0123456789")).settings();

        assertEquals("https://t.hanko.io/admin", settings.hankoAdminUrl());
        assertEquals("hanko-key-0123456789", settings.hankoApiKey());
        assertEquals("https://p.supabase.co", settings.supabaseUrl());
        assertEquals("service-role-0123456789", settings.supabaseKey());
    }

    @Test
    void supabaseSecretKeyIsUsedWhenServiceRoleKeyIsAbsent() {
        Settings settings = fromEnvironment(Map.of("SUPABASE_SECRET_KEY", "sb_secret_abcdefghijkl")).settings();

        assertEquals("sb_secret_abcdefghijkl", settings.supabaseKey());
    }

    @Test
    void serviceRoleKeyWinsWhenBothSupabaseKeyNamesAreSet() {
        Settings settings = fromEnvironment(Map.of(
                "SUPABASE_SECRET_KEY", "sb_secret_abcdefghijkl",
                "SUPABASE_SERVICE_ROLE_KEY", "service-role-0123456789")).settings();

        assertEquals("service-role-0123456789", settings.supabaseKey());
    }

    @Test
    void realEnvironmentSecretKeyBeatsEnvFileServiceRoleKey() throws IOException {
        // Layer precedence comes first; the preference between the two names applies within one layer.
        Path env = Files.writeString(dir.resolve(".env"), "SUPABASE_SERVICE_ROLE_KEY=from-the-env-file-0123\n");

        Settings settings = loader.loadAllowingMissing(ConfigSources.of(Map.of(),
                Map.of("SUPABASE_SECRET_KEY", "sb_secret_from_environment")).withEnvFile(env)).settings();

        assertEquals("sb_secret_from_environment", settings.supabaseKey());
    }

    @Test
    void guideSupabaseProjectUrlIsTheSupabaseUrl() throws IOException {
        Settings settings = fromEnvFile("NEXT_PUBLIC_SUPABASE_PROJECT_URL=https://guide.supabase.co\n").settings();

        assertEquals("https://guide.supabase.co", settings.supabaseUrl());
    }

    @Test
    void supabaseUrlWinsOverTheGuideNameInTheSameSource() {
        Settings settings = fromEnvironment(Map.of(
                "NEXT_PUBLIC_SUPABASE_PROJECT_URL", "https://guide.supabase.co",
                "SUPABASE_URL", "https://own.supabase.co")).settings();

        assertEquals("https://own.supabase.co", settings.supabaseUrl());
    }

    @Test
    void hankoCloudApiUrlBecomesTheAdminUrl() throws IOException {
        LoadedSettings loaded = fromEnvFile("NEXT_PUBLIC_HANKO_API_URL=https://f4a1b2c3-tenant.hanko.io\n");

        assertEquals("https://f4a1b2c3-tenant.hanko.io/admin", loaded.settings().hankoAdminUrl());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void hankoCloudApiUrlWithTrailingSlashBecomesTheAdminUrl() {
        Settings settings = fromEnvironment(Map.of("NEXT_PUBLIC_HANKO_API_URL", "https://Tenant.hanko.io/")).settings();

        assertEquals("https://tenant.hanko.io/admin", settings.hankoAdminUrl());
    }

    @Test
    void hankoAdminUrlWinsOverTheGuideName() {
        Settings settings = fromEnvironment(Map.of(
                "NEXT_PUBLIC_HANKO_API_URL", "https://tenant.hanko.io",
                "HANKO_ADMIN_URL", "http://localhost:8001")).settings();

        assertEquals("http://localhost:8001", settings.hankoAdminUrl());
    }

    @Test
    void selfHostedHankoApiUrlIsNotGuessedAndWarns() throws IOException {
        LoadedSettings loaded = fromEnvFile("NEXT_PUBLIC_HANKO_API_URL=https://auth.example.com\n");

        assertNull(loaded.settings().hankoAdminUrl());
        assertEquals(1, loaded.warnings().size());
        String warning = loaded.warnings().get(0);
        assertTrue(warning.startsWith("NEXT_PUBLIC_HANKO_API_URL in " + dir.resolve(".env.local")), warning);
        assertTrue(warning.contains("not a Hanko Cloud URL"), warning);
        assertTrue(warning.contains("usually 8001"), warning);
        assertTrue(warning.contains("set HANKO_ADMIN_URL or --hanko-url"), warning);
    }

    @Test
    void cloudLookingUrlsWithAPathOrPortAreNotGuessed() {
        for (String url : List.of("https://tenant.hanko.io/api", "https://tenant.hanko.io:8443",
                "http://tenant.hanko.io", "https://hanko.io", "https://tenant.hanko.io.evil.com")) {
            LoadedSettings loaded = fromEnvironment(Map.of("NEXT_PUBLIC_HANKO_API_URL", url));

            assertNull(loaded.settings().hankoAdminUrl(), url);
            assertEquals(1, loaded.warnings().size(), url);
        }
    }

    @Test
    void selfHostedWarningIsDroppedWhenAnotherSourceGivesTheAdminUrl() {
        LoadedSettings loaded = loader.loadAllowingMissing(ConfigSources.of(
                Map.of("hanko.admin.url", "http://localhost:8001"),
                Map.of("NEXT_PUBLIC_HANKO_API_URL", "https://auth.example.com")));

        assertEquals("http://localhost:8001", loaded.settings().hankoAdminUrl());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void selfHostedWarningComesWithTheMissingUrlError() {
        Map<String, String> environment = Map.of(
                "NEXT_PUBLIC_HANKO_API_URL", "https://auth.example.com",
                "SUPABASE_URL", "https://p.supabase.co",
                "SUPABASE_SERVICE_ROLE_KEY", "service-role-0123456789");

        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(ConfigSources.of(Map.of(), environment)));

        assertEquals("missing Hanko admin URL: set --hanko-url, HANKO_ADMIN_URL, or hanko.admin.url in the"
                + " config file", e.getMessage());
        assertEquals(1, e.warnings().size());
        assertTrue(e.warnings().get(0).contains("not a Hanko Cloud URL"), e.warnings().get(0));
    }

    @Test
    void supabaseDbUrlIsTheDatabaseUrlAndNotTheRestUrl() {
        Settings settings = fromEnvironment(Map.of("SUPABASE_DB_URL", "postgresql://u:p@db:5432/postgres"))
                .settings();

        assertEquals("postgresql://u:p@db:5432/postgres", settings.databaseUrl());
        assertNull(settings.supabaseUrl());
    }
}
