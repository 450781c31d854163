package dev.hankosync.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Connection strings as Supabase shows them, and as JDBC users write them, become pgJDBC's URL and properties. */
class DatabaseUrlTest {

    private static final String SECRET = "hunter2-secret";

    private static String failure(String text) {
        String message = assertThrows(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(text, null))
                .getMessage();
        assertFalse(message.contains(SECRET), "the password leaked into: " + message);
        return message;
    }

    @Test
    void transactionPoolerUriBecomesAJdbcUrlWithoutCredentialsAndPoolerSafeProperties() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres.abcdefghijklmnop:s3cr%40t%2Fpw@"
                + "aws-0-eu-central-1.pooler.supabase.com:6543/postgres", null);

        assertEquals("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres", url.jdbcUrl());
        Properties properties = url.connectionProperties();
        assertEquals("postgres.abcdefghijklmnop", properties.getProperty("user"));
        assertEquals("s3cr@t/pw", properties.getProperty("password"));
        assertEquals("require", properties.getProperty("sslmode"));
        assertEquals("0", properties.getProperty("prepareThreshold"));
        assertEquals("hanko-sync", properties.getProperty("ApplicationName"));
        assertTrue(url.transactionPooled());
    }

    @Test
    void sessionPoolerAndDirectHostKeepServerSideStatements() {
        DatabaseUrl session = DatabaseUrl.parse("postgresql://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com"
                + ":5432/postgres", null);
        DatabaseUrl direct = DatabaseUrl.parse("postgres://postgres:pw@db.abcdefghijklmnop.supabase.co/postgres", null);

        assertFalse(session.transactionPooled());
        assertNull(session.parameter("prepareThreshold"));
        assertEquals(5432, direct.port());
        assertEquals("require", direct.parameter("sslmode"));
    }

    @Test
    void aPooledUrlCannotTurnNamedStatementsBackOn() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@pooler.example.com:6543/postgres?prepareThreshold=5",
                null);

        assertEquals("0", url.parameter("prepareThreshold"));
    }

    @Test
    void sslModeDefaultsToRequireOnlyForRemoteHostsAndNeverOverridesTheUrl() {
        assertNull(DatabaseUrl.parse("postgresql://u:pw@127.0.0.1:5432/db", null).parameter("sslmode"));
        assertNull(DatabaseUrl.parse("postgresql://u:pw@localhost/db", null).parameter("sslmode"));
        assertEquals("verify-full",
                DatabaseUrl.parse("postgresql://u:pw@db.example.com/db?sslmode=verify-full", null).parameter("sslmode"));
        DatabaseUrl ssl = DatabaseUrl.parse("jdbc:postgresql://db.example.com/db?user=u&ssl=true", null);
        assertNull(ssl.parameter("sslmode"), "ssl=true means verify-full to pgJDBC; require would weaken it");
        assertEquals("disable",
                DatabaseUrl.parse("postgresql://u:pw@10.0.0.5/db?sslmode=disable", null).parameter("sslmode"));
    }

    @Test
    void passwordWithUnencodedAtAndSlashStillParses() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:p@ss/w+rd@db.abc.supabase.co:5432/postgres", null);

        assertEquals("db.abc.supabase.co", url.host());
        assertEquals("p@ss/w+rd", url.connectionProperties().getProperty("password"), "+ is not a space here");
        assertEquals("postgres", url.database());
    }

    @Test
    void pgPasswordFillsInWhenTheUrlHasNoneAndTheUrlsPasswordWins() {
        DatabaseUrl fromEnvironment = DatabaseUrl.parse("postgresql://postgres@db.example.com/postgres", "env-pw");
        DatabaseUrl fromUrl = DatabaseUrl.parse("postgresql://postgres:url-pw@db.example.com/postgres", "env-pw");
        DatabaseUrl none = DatabaseUrl.parse("postgresql://postgres@db.example.com/postgres", null);

        assertEquals("env-pw", fromEnvironment.connectionProperties().getProperty("password"));
        assertEquals("url-pw", fromUrl.connectionProperties().getProperty("password"));
        assertFalse(none.hasPassword());
        assertFalse(none.connectionProperties().containsKey("password"));
    }

    @Test
    void jdbcUrlWithCredentialsAsParameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example.com:5433/app?user=svc&password=pw%26x"
                + "&sslmode=verify-full&prepareThreshold=0", null);

        assertEquals("jdbc:postgresql://db.example.com:5433/app", url.jdbcUrl());
        assertEquals("svc", url.user());
        assertEquals("pw&x", url.connectionProperties().getProperty("password"));
        assertEquals("verify-full", url.parameter("sslmode"));
        assertTrue(url.transactionPooled(), "prepareThreshold=0 says a transaction pooler is in between");
    }

    @Test
    void libpqParameterNamesAreMappedToPgJdbcs() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@db.example.com/postgres?application_name=backfill"
                + "&connect_timeout=3&dbname=other", null);

        assertEquals("backfill", url.parameter("ApplicationName"));
        assertEquals("3", url.parameter("connectTimeout"));
        assertEquals("other", url.database());
    }

    @Test
    void ipv6HostsAndDefaults() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@[::1]:5433", null);

        assertEquals("::1", url.host());
        assertTrue(url.loopback());
        assertEquals("postgres", url.database(), "every Supabase project's database is postgres");
        assertEquals("jdbc:postgresql://[::1]:5433/postgres", url.jdbcUrl());
        assertEquals(5432, DatabaseUrl.parse("postgresql://u@h.example.com/db", null).port());
    }

    @Test
    void timeoutsComeFromSettingsUnlessTheUrlSetsThem() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@db.example.com/postgres?socketTimeout=7", null)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120));

        assertEquals("10", url.parameter("connectTimeout"));
        assertEquals("10", url.parameter("loginTimeout"));
        assertEquals("7", url.parameter("socketTimeout"));
        assertEquals("pw", url.connectionProperties().getProperty("password"), "the copy keeps the password");
    }

    @Test
    void thePasswordNeverAppearsInTextMeantForPeople() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:" + SECRET + "@db.example.com:5432/postgres",
                null);

        assertFalse(url.toString().contains(SECRET), url.toString());
        assertFalse(url.displayName().contains(SECRET));
        assertFalse(url.jdbcUrl().contains(SECRET));
        assertEquals("postgres@db.example.com:5432/postgres", url.displayName());
        assertEquals("auth failed for <redacted>", url.redact("auth failed for " + SECRET));
        DatabaseUrl encoded = DatabaseUrl.parse("postgresql://postgres:p%40ss%2Fword%21@db.example.com/postgres", null);
        assertEquals("<redacted> or <redacted>", encoded.redact("p@ss/word! or p%40ss%2Fword%21"));
        DatabaseUrl fromEnvironment = DatabaseUrl.parse("postgresql://postgres@db.example.com/postgres", SECRET);
        assertFalse(fromEnvironment.toString().contains(SECRET));
        assertEquals("echo <redacted>", fromEnvironment.redact("echo " + SECRET));
    }

    @Test
    void theDashboardsPasswordPlaceholderIsCaught() {
        String message = failure("postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-central-1.pooler.supabase.com"
                + ":6543/postgres");

        assertTrue(message.contains("placeholder"), message);
    }

    @Test
    void malformedUrlsAreRefusedWithoutQuotingThem() {
        assertTrue(failure("mysql://root:" + SECRET + "@db.example.com/db").contains("postgresql://"));
        assertTrue(failure("postgresql://postgres:" + SECRET + "@db.example.com:54x2/postgres").contains("port"));
        assertTrue(failure("postgresql://postgres:" + SECRET + "@/postgres").contains("no host"));
        assertTrue(failure("postgresql://db.example.com/postgres").contains("no user name"));
        assertTrue(failure("postgresql://postgres:" + SECRET + "%zz@db.example.com/postgres").contains("%25"));
        assertTrue(failure("jdbc:postgresql://postgres:" + SECRET + "@db.example.com/postgres")
                .contains("?user=...&password=..."));
        assertTrue(failure("postgresql://u:" + SECRET + "@h1.example.com,h2.example.com/db").contains("several"));
        // A ? in the password ends the user info early: the rest is no port, and the message says how to fix it.
        assertTrue(failure("postgresql://postgres:ab?" + SECRET + "@db.example.com/postgres").contains("%3F"));
    }
}
