package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --config properties file and the --env-file as files: errors, unknown keys, permissions. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    private final SettingsLoader loader = new SettingsLoader();

    private Path file(String name, String text, String permissions) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        if (supportsPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return file;
    }

    private static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private LoadedSettings withConfig(Path config) {
        return loader.loadAllowingMissing(ConfigSources.none().withConfigFile(config));
    }

    @Test
    void unknownPropertyWarnsWithTheNearestKnownKey() throws IOException {
        Path config = file("sync.properties", "sync.pagesize=50\nsupabase.ulr=https://p.supabase.co\n", "rw-------");

        List<String> warnings = withConfig(config).warnings();

        assertEquals(List.of(
                "unknown key supabase.ulr in " + config + " is ignored; did you mean supabase.url?",
                "unknown key sync.pagesize in " + config + " is ignored; did you mean sync.page.size?"), warnings);
    }

    @Test
    void environmentVariableOrFlagSpellingInPropertiesSuggestsTheProperty() throws IOException {
        Path config = file("sync.properties", "SUPABASE_SERVICE_ROLE_KEY=\nhanko-url=http://localhost:8001\n",
                "rw-------");

        List<String> warnings = withConfig(config).warnings();

        assertEquals(List.of(
                "unknown key SUPABASE_SERVICE_ROLE_KEY in " + config + " is ignored; did you mean supabase.key?",
                "unknown key hanko-url in " + config + " is ignored; did you mean hanko.admin.url?"), warnings);
    }

    @Test
    void unrelatedUnknownPropertyWarnsWithoutSuggestion() throws IOException {
        Path config = file("sync.properties", "colour.scheme=dark\n", "rw-------");

        assertEquals(List.of("unknown key colour.scheme in " + config + " is ignored"), withConfig(config).warnings());
    }

    @Test
    void unknownKeyWarningTravelsWithTheErrorItExplains() throws IOException {
        Path config = file("sync.properties", "supabase.ulr=https://p.supabase.co\n", "rw-------");
        Map<String, String> environment = Map.of("HANKO_ADMIN_URL", "http://localhost:8001",
                "SUPABASE_SERVICE_ROLE_KEY", "service-role-0123456789");

        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(ConfigSources.of(Map.of(), environment).withConfigFile(config)));

        assertEquals("missing Supabase URL: set --supabase-url, SUPABASE_URL, or supabase.url in the config file"
                + " (or write to the database directly with --database-url / SUPABASE_DB_URL)", e.getMessage());
        assertEquals(List.of("unknown key supabase.ulr in " + config + " is ignored; did you mean supabase.url?"),
                e.warnings());
    }

    @Test
    void invalidValueInPropertiesFileNamesPropertyAndFile() throws IOException {
        Path config = file("sync.properties", "sync.page.size = 5000\n", "rw-------");

        ConfigException e = assertThrows(ConfigException.class, () -> withConfig(config));

        assertEquals("invalid page size \"5000\" from sync.page.size in " + config + ": it must be a whole number"
                + " from 1 to 1000", e.getMessage());
    }

    @Test
    void invalidValueInEnvFileNamesVariableAndFile() throws IOException {
        Path env = file(".env.local", "NEXT_PUBLIC_SUPABASE_PROJECT_URL=project.supabase.co\n", "rw-------");

        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.loadAllowingMissing(ConfigSources.none().withEnvFile(env)));

        assertEquals("invalid Supabase URL from NEXT_PUBLIC_SUPABASE_PROJECT_URL in " + env + ": it must start with"
                + " http:// or https://", e.getMessage());
    }

    @Test
    void missingConfigFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("absent.properties");

        ConfigException e = assertThrows(ConfigException.class, () -> withConfig(missing));

        assertEquals("cannot read config file " + missing + ": no such file", e.getMessage());
    }

    @Test
    void missingEnvFileIsAnErrorNamingIt() {
        Path missing = dir.resolve(".env.absent");

        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.loadAllowingMissing(ConfigSources.none().withEnvFile(missing)));

        assertEquals("cannot read env file " + missing + ": no such file", e.getMessage());
    }

    @Test
    void directoryAsConfigFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> withConfig(dir));

        assertEquals("cannot read config file " + dir + ": it is a directory", e.getMessage());
    }

    @Test
    void unreadableConfigFileIsAnErrorNamingIt() throws IOException {
        assumeTrue(supportsPosix(), "needs POSIX permissions");
        Path config = file("locked.properties", "sync.page.size=5\n", "---------");
        assumeFalse(Files.isReadable(config), "running as a user who can read anything (root)");

        ConfigException e = assertThrows(ConfigException.class, () -> withConfig(config));

        assertEquals("cannot read config file " + config + ": permission denied", e.getMessage());
    }

    @Test
    void malformedUnicodeEscapeInPropertiesIsAnError() throws IOException {
        Path config = file("sync.properties", "supabase.table=\\u12zz\n", "rw-------");

        ConfigException e = assertThrows(ConfigException.class, () -> withConfig(config));

        assertEquals("cannot read config file " + config + ": it has a malformed \\uXXXX escape", e.getMessage());
    }

    @Test
    void configFileWithKeyReadableByOthersWarns() throws IOException {
        assumeTrue(supportsPosix(), "needs POSIX permissions");
        Path config = file("sync.properties", "supabase.key=service-role-0123456789abcdef\n", "rw-r--r--");

        List<String> warnings = withConfig(config).warnings();

        assertEquals(List.of(config + " holds a key and can be read by other users; restrict it with: chmod 600 "
                + config), warnings);
        assertFalse(warnings.get(0).contains("service-role"));
    }

    @Test
    void configFileWithKeyReadableByGroupWarns() throws IOException {
        assumeTrue(supportsPosix(), "needs POSIX permissions");
        Path config = file("sync.properties", "hanko.api.key=hanko-key-0123456789\n", "rw-r-----");

        assertEquals(1, withConfig(config).warnings().size());
    }

    @Test
    void privateConfigFileWithKeyOrPublicFileWithoutKeyDoesNotWarn() throws IOException {
        assumeTrue(supportsPosix(), "needs POSIX permissions");
        Path privateWithKey = file("private.properties", "supabase.key=service-role-0123456789\n", "rw-------");
        Path publicWithoutKey = file("public.properties", "sync.page.size=50\n", "rw-r--r--");

        assertEquals(List.of(), withConfig(privateWithKey).warnings());
        assertEquals(List.of(), withConfig(publicWithoutKey).warnings());
    }

    @Test
    void envFileWithKeyReadableByOthersWarns() throws IOException {
        assumeTrue(supportsPosix(), "needs POSIX permissions");
        Path env = file(".env.local", "SUPABASE_SECRET_KEY=sb_secret_0123456789abcdef\n", "rw-r--r--");

        List<String> warnings = loader.loadAllowingMissing(ConfigSources.none().withEnvFile(env)).warnings();

        assertEquals(List.of(env + " holds a key and can be read by other users; restrict it with: chmod 600 "
                + env), warnings);
    }

    @Test
    void envFileMayHoldUnrelatedVariablesWithoutWarnings() throws IOException {
        Path env = file(".env.local", "NEXT_PUBLIC_SOMETHING=1\nDATABASE_PASSWORD=x\n", "rw-r--r--");

        assertEquals(List.of(), loader.loadAllowingMissing(ConfigSources.none().withEnvFile(env)).warnings());
    }
}
