package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags > process environment > env file > properties file > defaults, one layer boundary per test. */
class SettingsLoaderPrecedenceTest {

    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader();

    private Path configFile(String text) throws IOException {
        return Files.writeString(dir.resolve("sync.properties"), text);
    }

    private Path envFile(String text) throws IOException {
        return Files.writeString(dir.resolve(".env.local"), text);
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        Settings settings = loader.loadAllowingMissing(ConfigSources.none()).settings();

        assertEquals("public", settings.schema());
        assertEquals("users", settings.table());
        assertEquals("user_id", settings.userIdColumn());
        assertEquals("email", settings.emailColumn());
        assertEquals(100, settings.pageSize());
        assertEquals(false, settings.deleteMissing());
        assertEquals(100, settings.maxDelete());
        assertEquals(500, settings.batchSize());
        assertEquals(4, settings.concurrency());
        assertEquals(java.time.Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(java.time.Duration.ofSeconds(60), settings.readTimeout());
        assertEquals(java.time.Duration.ofSeconds(120), settings.callTimeout());
        assertEquals(5, settings.maxRetries());
    }

    @Test
    void propertiesFileBeatsDefaults() throws IOException {
        Path config = configFile("sync.page.size=250\nsupabase.table=members\nsync.delete.missing=true\n");

        Settings settings = loader.loadAllowingMissing(ConfigSources.none().withConfigFile(config)).settings();

        assertEquals(250, settings.pageSize());
        assertEquals("members", settings.table());
        assertEquals(true, settings.deleteMissing());
    }

    @Test
    void envFileBeatsPropertiesFile() throws IOException {
        Path config = configFile("supabase.url=https://from-properties.supabase.co\n");
        Path env = envFile("SUPABASE_URL=https://from-env-file.supabase.co\n");

        Settings settings = loader.loadAllowingMissing(
                ConfigSources.none().withConfigFile(config).withEnvFile(env)).settings();

        assertEquals("https://from-env-file.supabase.co", settings.supabaseUrl());
    }

    @Test
    void processEnvironmentBeatsEnvFile() throws IOException {
        Path env = envFile("SUPABASE_URL=https://from-env-file.supabase.co\n");
        Map<String, String> environment = Map.of("SUPABASE_URL", "https://from-environment.supabase.co");

        Settings settings = loader.loadAllowingMissing(
                ConfigSources.of(Map.of(), environment).withEnvFile(env)).settings();

        assertEquals("https://from-environment.supabase.co", settings.supabaseUrl());
    }

    @Test
    void flagsBeatProcessEnvironment() {
        Map<String, String> flags = Map.of("supabase.url", "https://from-flag.supabase.co");
        Map<String, String> environment = Map.of("SUPABASE_URL", "https://from-environment.supabase.co");

        Settings settings = loader.loadAllowingMissing(ConfigSources.of(flags, environment)).settings();

        assertEquals("https://from-flag.supabase.co", settings.supabaseUrl());
    }

    @Test
    void flagsBeatPropertiesFileForSettingsWithoutEnvironmentVariable() throws IOException {
        Path config = configFile("sync.page.size=250\n");

        Settings settings = loader.loadAllowingMissing(
                ConfigSources.of(Map.of("sync.page.size", "7"), Map.of()).withConfigFile(config)).settings();

        assertEquals(7, settings.pageSize());
    }

    @Test
    void eachSettingComesFromItsOwnHighestLayer() throws IOException {
        Path config = configFile("hanko.admin.url=https://t.hanko.io/admin\nsupabase.url=https://p.supabase.co\n"
                + "sync.page.size=250\n");
        Map<String, String> environment = Map.of("SUPABASE_SERVICE_ROLE_KEY", "service-role-key-from-environment");

        Settings settings = new SettingsLoader().load(
                ConfigSources.of(Map.of("sync.concurrency", "8"), environment).withConfigFile(config)).settings();

        assertEquals("https://t.hanko.io/admin", settings.hankoAdminUrl());
        assertEquals("https://p.supabase.co", settings.supabaseUrl());
        assertEquals("service-role-key-from-environment", settings.supabaseKey());
        assertEquals(250, settings.pageSize());
        assertEquals(8, settings.concurrency());
        assertEquals(500, settings.batchSize());
    }

    @Test
    void blankValuesDoNotHideLowerLayers() throws IOException {
        Path config = configFile("supabase.url=https://from-properties.supabase.co\n");
        Path env = envFile("SUPABASE_URL=\n");

        Settings settings = loader.loadAllowingMissing(
                ConfigSources.of(Map.of(), Map.of("SUPABASE_URL", "  ")).withEnvFile(env).withConfigFile(config))
                .settings();

        assertEquals("https://from-properties.supabase.co", settings.supabaseUrl());
    }

    @Test
    void urlsLoseTrailingSlashesAndValuesTheirSurroundingSpace() {
        Map<String, String> environment = Map.of("HANKO_ADMIN_URL", " http://localhost:8001/ ",
                "SUPABASE_URL", "https://p.supabase.co//");

        Settings settings = loader.loadAllowingMissing(ConfigSources.of(Map.of(), environment)).settings();

        assertEquals("http://localhost:8001", settings.hankoAdminUrl());
        assertEquals("https://p.supabase.co", settings.supabaseUrl());
    }
}
