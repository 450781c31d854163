package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One-line errors for missing or invalid values, and warnings for doubtful ones. */
class SettingsValidationTest {

    private static final String SERVICE_ROLE_KEY = "service-role-key-0123456789abcdef";

    private final SettingsLoader loader = new SettingsLoader();

    /** An environment with every required setting, so each test changes just what it is about. */
    private static Map<String, String> completeEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HANKO_ADMIN_URL", "https://tenant.hanko.io/admin");
        environment.put("SUPABASE_URL", "https://project.supabase.co");
        environment.put("SUPABASE_SERVICE_ROLE_KEY", SERVICE_ROLE_KEY);
        return environment;
    }

    private String errorFor(Map<String, String> flags, Map<String, String> environment) {
        return assertThrows(ConfigException.class, () -> loader.load(ConfigSources.of(flags, environment)))
                .getMessage();
    }

    private String errorForFlag(String property, String value) {
        return errorFor(Map.of(property, value), completeEnvironment());
    }

    private List<String> warningsFor(Map<String, String> environment) {
        return loader.load(ConfigSources.of(Map.of(), environment)).warnings();
    }

    @Test
    void completeSettingsLoadWithoutWarnings() {
        LoadedSettings loaded = loader.load(ConfigSources.of(Map.of(), completeEnvironment()));

        assertEquals("https://tenant.hanko.io/admin", loaded.settings().hankoAdminUrl());
        assertNull(loaded.settings().hankoApiKey());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void missingRequiredSettingsNameFlagVariableAndProperty() {
        Map<String, String> environment = completeEnvironment();
        environment.remove("SUPABASE_URL");
        assertEquals("missing Supabase URL: set --supabase-url, SUPABASE_URL, or supabase.url in the config file"
                + " (or write to the database directly with --database-url / SUPABASE_DB_URL)",
                errorFor(Map.of(), environment));

        environment = completeEnvironment();
        environment.remove("SUPABASE_SERVICE_ROLE_KEY");
        assertEquals("missing Supabase key: set --supabase-key, SUPABASE_SERVICE_ROLE_KEY or SUPABASE_SECRET_KEY,"
                + " or supabase.key in the config file (or write to the database directly with --database-url /"
                + " SUPABASE_DB_URL)", errorFor(Map.of(), environment));

        environment = completeEnvironment();
        environment.remove("HANKO_ADMIN_URL");
        assertEquals("missing Hanko admin URL: set --hanko-url, HANKO_ADMIN_URL, or hanko.admin.url in the"
                + " config file", errorFor(Map.of(), environment));
    }

    @Test
    void hankoApiKeyIsOptional() {
        Settings settings = loader.load(ConfigSources.of(Map.of(), completeEnvironment())).settings();

        assertNull(settings.hankoApiKey());
    }

    @Test
    void loadAllowingMissingLeavesRequiredSettingsNullButStillValidatesGivenOnes() {
        Settings settings = loader.loadAllowingMissing(ConfigSources.none()).settings();
        assertNull(settings.hankoAdminUrl());
        assertNull(settings.supabaseUrl());
        assertNull(settings.supabaseKey());

        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.loadAllowingMissing(ConfigSources.of(Map.of("sync.page.size", "0"), Map.of())));
        assertEquals("invalid page size \"0\" from --page-size: it must be a whole number from 1 to 1000",
                e.getMessage());
    }

    @Test
    void urlWithoutHttpSchemeIsRejectedNamingTheOption() {
        assertEquals("invalid Supabase URL \"ftp://project.supabase.co\" from --supabase-url: it must start with"
                + " http:// or https://", errorForFlag("supabase.url", "ftp://project.supabase.co"));
        assertEquals("invalid Hanko admin URL from --hanko-url: it must start with http:// or https://",
                errorForFlag("hanko.admin.url", "tenant.hanko.io/admin"));
    }

    @Test
    void unparsableUrlIsRejected() {
        assertEquals("invalid Supabase URL \"https://bad host\" from --supabase-url: it is not a valid URL",
                errorForFlag("supabase.url", "https://bad host"));
    }

    @Test
    void urlWithUserInfoQueryOrNoHostIsRejected() {
        String userInfo = errorForFlag("supabase.url", "https://user:hunter2@project.supabase.co");
        assertEquals("invalid Supabase URL from --supabase-url: it must not contain a user name or password;"
                + " keys belong in their own settings", userInfo);
        assertFalse(userInfo.contains("hunter2"));

        // a query may carry a key (?apikey=...): the URL is not shown
        String query = errorForFlag("supabase.url", "https://project.supabase.co?apikey=QSLEAK_query_888");
        assertEquals("invalid Supabase URL from --supabase-url: it must not have a query (?...) or fragment (#...)",
                query);
        assertFalse(query.contains("QSLEAK"));
        assertEquals("invalid Hanko admin URL \"http:///admin\" from --hanko-url: it has no host name",
                errorForFlag("hanko.admin.url", "http:///admin"));
    }

    @Test
    void aKeyPastedAsUrlIsNotShown() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl";
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_URL", jwt);

        String message = errorFor(Map.of(), environment);

        assertEquals("invalid Supabase URL from SUPABASE_URL: it must start with http:// or https://", message);
    }

    @Test
    void aUrlContainingTheConfiguredKeyIsNotShown() {
        String message = errorForFlag("supabase.url", "ftp://x/" + SERVICE_ROLE_KEY);

        assertFalse(message.contains(SERVICE_ROLE_KEY), message);
        assertTrue(message.startsWith("invalid Supabase URL from --supabase-url:"), message);
    }

    @Test
    void keyWithSpacesOrLineBreaksIsRejectedWithoutShowingIt() {
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_SERVICE_ROLE_KEY", "abc def-secret-part");

        String message = errorFor(Map.of(), environment);

        assertEquals("invalid Supabase key from SUPABASE_SERVICE_ROLE_KEY: it contains spaces, line breaks or"
                + " non-ASCII characters", message);
    }

    @Test
    void numbersMustBeWholeAndInRange() {
        assertEquals("invalid page size \"abc\" from --page-size: it must be a whole number from 1 to 1000",
                errorForFlag("sync.page.size", "abc"));
        assertEquals("invalid page size \"1001\" from --page-size: it must be a whole number from 1 to 1000",
                errorForFlag("sync.page.size", "1001"));
        assertEquals("invalid batch size \"0\" from --batch-size: it must be a whole number from 1 to 1000",
                errorForFlag("sync.batch.size", "0"));
        assertEquals("invalid max delete \"-1\" from --max-delete: it must be a whole number, 0 or more",
                errorForFlag("sync.max.delete", "-1"));
        assertEquals("invalid concurrency \"33\" from --concurrency: it must be a whole number from 1 to 32",
                errorForFlag("sync.concurrency", "33"));
        assertEquals("invalid read timeout \"0\" from --read-timeout: it must be a whole number of seconds,"
                + " 1 or more", errorForFlag("http.read.timeout", "0"));
        assertEquals("invalid call timeout \"1.5\" from --call-timeout: it must be a whole number of seconds,"
                + " 1 or more", errorForFlag("http.call.timeout", "1.5"));
        assertEquals("invalid connect timeout \"99999999999\" from --connect-timeout: it must be a whole number"
                + " of seconds, 1 or more", errorForFlag("http.connect.timeout", "99999999999"));
        assertEquals("invalid max retries \"21\" from --max-retries: it must be a whole number from 0 to 20",
                errorForFlag("http.max.retries", "21"));
    }

    @Test
    void boundaryNumbersAreAccepted() {
        Map<String, String> flags = Map.of("sync.page.size", "1000", "sync.max.delete", "0",
                "sync.concurrency", "32", "http.max.retries", "0", "sync.batch.size", "1");

        Settings settings = loader.load(ConfigSources.of(flags, completeEnvironment())).settings();

        assertEquals(1000, settings.pageSize());
        assertEquals(0, settings.maxDelete());
        assertEquals(32, settings.concurrency());
        assertEquals(0, settings.maxRetries());
        assertEquals(1, settings.batchSize());
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        assertEquals("invalid delete missing \"maybe\" from --delete-missing: it must be true or false",
                errorForFlag("sync.delete.missing", "maybe"));
        Settings settings = loader.load(ConfigSources.of(Map.of("sync.delete.missing", "YES"),
                completeEnvironment())).settings();
        assertTrue(settings.deleteMissing());
    }

    @Test
    void tableAndColumnNamesMustBePlainIdentifiers() {
        assertEquals("invalid table name \"users; drop\" from --table: use letters, digits and underscores,"
                + " starting with a letter or underscore, at most 63 characters", errorForFlag("supabase.table", "users; drop"));
        assertTrue(errorForFlag("column.email", "1email").startsWith("invalid email column \"1email\" from"
                + " --email-column: use letters"));
        assertTrue(errorForFlag("column.user_id", "user-id").startsWith("invalid user id column \"user-id\""));
        assertTrue(errorForFlag("supabase.schema", "a".repeat(64)).startsWith("invalid schema name"));
        Settings settings = loader.load(ConfigSources.of(Map.of("supabase.table", "_Hanko_Users2"),
                completeEnvironment())).settings();
        assertEquals("_Hanko_Users2", settings.table());
    }

    @Test
    void errorNamesTheVariableThatSuppliedTheValue() {
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_URL", "mailto:x@y");

        assertEquals("invalid Supabase URL from SUPABASE_URL: it must start with http:// or https://",
                errorFor(Map.of(), environment));
    }

    @Test
    void plainHttpToAnotherMachineWithAKeyWarns() {
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_URL", "http://db.example.com:8000");

        List<String> warnings = warningsFor(environment);

        assertEquals(List.of("the Supabase URL from SUPABASE_URL uses http:// to db.example.com, another machine:"
                + " the Supabase key travels unencrypted; use https://"), warnings);
    }

    @Test
    void plainHttpToLoopbackDoesNotWarn() {
        for (String url : List.of("http://localhost:54321", "http://127.0.0.1:54321", "http://[::1]:54321")) {
            Map<String, String> environment = completeEnvironment();
            environment.put("SUPABASE_URL", url);
            environment.put("HANKO_ADMIN_URL", url);
            environment.put("HANKO_API_KEY", "hanko-api-key-0123456789");

            assertEquals(List.of(), warningsFor(environment), url);
        }
    }

    @Test
    void plainHttpToSelfHostedHankoWithoutKeyDoesNotWarn() {
        // A self-hosted admin API has no auth, so there is no key to leak.
        Map<String, String> environment = completeEnvironment();
        environment.put("HANKO_ADMIN_URL", "http://hanko-admin:8001");

        assertEquals(List.of(), warningsFor(environment));

        environment.put("HANKO_API_KEY", "hanko-api-key-0123456789");
        assertEquals(1, warningsFor(environment).size());
        assertTrue(warningsFor(environment).get(0).contains("the Hanko API key travels unencrypted"));
    }

    @Test
    void publicSupabaseKeysWarn() {
        // payload {"role":"anon"}
        String anonJwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl";
        for (String key : List.of(anonJwt, "sb_publishable_abcdefghijklmnop")) {
            Map<String, String> environment = completeEnvironment();
            environment.put("SUPABASE_SERVICE_ROLE_KEY", key);

            List<String> warnings = warningsFor(environment);

            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).startsWith("the Supabase key from SUPABASE_SERVICE_ROLE_KEY is a public"),
                    warnings.get(0));
            assertFalse(warnings.get(0).contains(key));
        }
        // payload {"role":"service_role"}
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_SERVICE_ROLE_KEY", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2ln");
        assertEquals(List.of(), warningsFor(environment));
    }

    @Test
    void hankoCloudAdminUrlWithoutAdminPathWarns() {
        Map<String, String> environment = completeEnvironment();
        environment.put("HANKO_ADMIN_URL", "https://tenant.hanko.io");

        assertEquals(List.of("the Hanko admin URL from HANKO_ADMIN_URL is a Hanko Cloud URL without /admin;"
                + " the admin API is https://tenant.hanko.io/admin"), warningsFor(environment));
    }

    @Test
    void exceptionMessageIsOneLine() {
        assertEquals("a b", new ConfigException("a\r\nb\n").getMessage());
    }

    @Test
    void aSupabaseUrlEndingInRestV1IsRefusedWithTheProjectUrl() {
        Map<String, String> environment = completeEnvironment();
        environment.put("SUPABASE_URL", "https://project.supabase.co/rest/v1/");
        String message = errorFor(Map.of(), environment);
        assertTrue(message.contains("SUPABASE_URL"), message);
        assertTrue(message.contains("without /rest/v1, e.g. https://project.supabase.co"), message);
    }
}
