package dev.hankosync.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.TableRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The password really reaches the server: the embedded database is switched from trusting local logins to
 * scram-sha-256 over TCP, as Supabase checks them.
 */
class PasswordAuthenticationTest {

    private static final String PASSWORD = "right-password-8f3a";
    private static final String WRONG = "wrong-password-2c7d";

    private static TestDatabase database;

    @BeforeAll
    static void requirePasswords() throws Exception {
        database = TestDatabase.start();
        database.resetGuideTable();
        database.insertRow("a", "a@example.com");
        try (Connection connection = database.adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role postgres password '" + PASSWORD + "'");
            Path hba;
            try (ResultSet result = statement.executeQuery("show hba_file")) {
                result.next();
                hba = Path.of(result.getString(1));
            }
            Files.writeString(hba, "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            statement.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private static List<TableRow> readWith(DatabaseUrl url) {
        List<TableRow> rows = new ArrayList<>();
        try (PostgresUserTable table = new PostgresUserTable(url, DatabaseTable.guideDefaults(), true)) {
            table.readAll(10, rows::addAll);
        }
        return rows;
    }

    private static String urlWithoutPassword() {
        return "postgresql://postgres@127.0.0.1:" + database.port() + "/postgres";
    }

    @Test
    void pgPasswordLogsIn() {
        assertEquals(1, readWith(DatabaseUrl.parse(urlWithoutPassword(), PASSWORD)).size());
    }

    @Test
    void theUrlsPasswordWinsOverPgPassword() {
        assertEquals(1, readWith(DatabaseUrl.parse(database.uri(PASSWORD, ""), WRONG)).size());
    }

    @Test
    void aWrongPasswordIsNamedAsSuchWithoutPrintingIt() {
        ApiException e = assertThrows(ApiException.class,
                () -> readWith(DatabaseUrl.parse(urlWithoutPassword(), WRONG)));

        assertTrue(e.getMessage().contains("rejected the password of user postgres"), e.getMessage());
        assertTrue(e.getMessage().contains("PGPASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG), e.getMessage());
    }

    @Test
    void noPasswordAtAllIsRefusedToo() {
        ApiException e = assertThrows(ApiException.class,
                () -> readWith(DatabaseUrl.parse(urlWithoutPassword(), null)));

        assertTrue(e.getMessage().contains("postgres@127.0.0.1:" + database.port()), e.getMessage());
    }
}
