package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --database-url} / {@code SUPABASE_DB_URL} / {@code supabase.db.url}, and PGPASSWORD beside it. */
class DatabaseUrlSettingTest {

    private static final String PASSWORD = "db-password-5e1b9c";
    private static final String DB_URL = "postgresql://postgres.ref:" + PASSWORD
            + "@aws-0-eu-central-1.pooler.supabase.com:5432/postgres";

    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader();

    private static Map<String, String> hankoOnly() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HANKO_ADMIN_URL", "https://tenant.hanko.io/admin");
        return environment;
    }

    private LoadedSettings load(Map<String, String> flags, Map<String, String> environment) {
        return loader.load(ConfigSources.of(flags, environment));
    }

    @Test
    void theDatabaseUrlStandsInForTheSupabaseUrlAndKey() {
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", DB_URL);

        LoadedSettings loaded = load(Map.of(), environment);

        assertTrue(loaded.settings().targetsDatabase());
        assertEquals(DB_URL, loaded.settings().databaseUrl());
        assertNull(loaded.settings().supabaseUrl());
        assertNull(loaded.settings().supabaseKey());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void theFlagWinsOverTheEnvironmentAndThePropertyIsRead() throws IOException {
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", "postgresql://env@db.example.com/postgres");
        Path config = Files.writeString(dir.resolve("sync.properties"),
                "supabase.db.url=postgresql://file@db.example.com/postgres\n");

        Settings fromFlag = load(Map.of("supabase.db.url", DB_URL), environment).settings();
        Settings fromFile = loader.load(ConfigSources.of(Map.of(), hankoOnly()).withConfigFile(config)).settings();

        assertEquals(DB_URL, fromFlag.databaseUrl());
        assertEquals("postgresql://file@db.example.com/postgres", fromFile.databaseUrl());
    }

    @Test
    void withNeitherTargetTheMissingSettingPointsAtBoth() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), hankoOnly()));

        assertEquals("missing Supabase URL: set --supabase-url, SUPABASE_URL, or supabase.url in the config file"
                + " (or write to the database directly with --database-url / SUPABASE_DB_URL)", e.getMessage());
    }

    @Test
    void pgPasswordComesFromTheEnvironmentBeforeTheEnvFileAndOnlyWithADatabaseUrl() throws IOException {
        Path envFile = Files.writeString(dir.resolve(".env.local"), "PGPASSWORD=from-file-1234\n");
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", "postgresql://postgres@db.example.com/postgres");
        Map<String, String> withPassword = new HashMap<>(environment);
        withPassword.put("PGPASSWORD", "from-env-5678");
        Map<String, String> restOnly = Map.of("HANKO_ADMIN_URL", "https://tenant.hanko.io/admin",
                "SUPABASE_URL", "https://p.supabase.co", "SUPABASE_SECRET_KEY", "sb_secret_abcdefghijkl",
                "PGPASSWORD", "from-env-5678");

        Settings fileOnly = loader.load(ConfigSources.of(Map.of(), environment).withEnvFile(envFile)).settings();
        Settings both = loader.load(ConfigSources.of(Map.of(), withPassword).withEnvFile(envFile)).settings();
        Settings rest = load(Map.of(), restOnly).settings();

        assertEquals("from-file-1234", fileOnly.databasePassword());
        assertEquals("from-env-5678", both.databasePassword());
        assertNull(rest.databasePassword(), "PGPASSWORD means nothing without a database URL");
    }

    @Test
    void anEnvFileHoldingPgPasswordMustBePrivate() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX");
        Path envFile = Files.writeString(dir.resolve(".env"), "PGPASSWORD=" + PASSWORD + "\n");
        Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", "postgresql://postgres@db.example.com/postgres");

        List<String> warnings = loader.load(ConfigSources.of(Map.of(), environment).withEnvFile(envFile)).warnings();

        assertEquals(List.of(FilePermissions.warning(envFile)), warnings);
    }

    @Test
    void aUrlOfAnotherKindIsRefusedWithoutShowingIt() {
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", "mysql://root:" + PASSWORD + "@db.example.com/app");

        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), environment));

        assertEquals("invalid database URL from SUPABASE_DB_URL: it must start with postgresql:// (the connection"
                + " string the Supabase dashboard shows) or jdbc:postgresql://", e.getMessage());
    }

    @Test
    void aUrlWithSpacesIsRefusedWithoutShowingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("supabase.db.url",
                "postgresql://postgres:" + PASSWORD + " x@db.example.com/postgres"), hankoOnly()));

        assertTrue(e.getMessage().startsWith("invalid database URL from --database-url: "), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void aPasswordPastedIntoAnotherSettingIsNotEchoed() {
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", "postgresql://postgres@db.example.com/postgres");
        environment.put("PGPASSWORD", PASSWORD);

        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("supabase.table", PASSWORD),
                environment));

        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void toStringNeitherShowsTheUrlNorThePassword() {
        Map<String, String> environment = hankoOnly();
        environment.put("SUPABASE_DB_URL", DB_URL);
        environment.put("PGPASSWORD", "another-secret-9d2e");

        String text = load(Map.of(), environment).settings().toString();

        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains("another-secret-9d2e"), text);
        assertTrue(text.contains("databaseUrl=(set, redacted)"), text);
    }

    @Test
    void theDemosSandboxEndpointReplacesADatabaseTargetFromTheEnvironment() {
        Settings withDatabase = Settings.withDefaults("http://127.0.0.1:1", null, null, null)
                .withDatabase(DB_URL, "pw");

        Settings demo = withDatabase.withSupabase("http://127.0.0.1:2", "sandbox-key");

        assertTrue(withDatabase.targetsDatabase());
        assertFalse(demo.targetsDatabase(), "the demo must never write to a real database");
        assertNull(demo.databasePassword());
    }

    @Test
    void theDatabaseUrlIsASecretSettingWithoutDefault() {
        assertTrue(SettingKey.DATABASE_URL.secret());
        assertTrue(SettingKey.DATABASE_URL.defaultValue().isEmpty());
        assertFalse(SettingKey.SUPABASE_URL.required());
        assertTrue(SettingKey.SUPABASE_URL.requiredForRestTarget());
        assertTrue(SettingKey.HANKO_ADMIN_URL.required());
    }
}
