package dev.hankosync.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.http.ApiException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code check} reports about the database target, read from a real catalog. */
class DatabaseInspectionTest {

    private static TestDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.start();
        database.execute("create role limited_reader login", "create role hanko_owner login");
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void freshTable() {
        database.resetGuideTable();
    }

    private static DatabaseFacts inspect(String user) {
        return DatabaseInspection.inspect(DatabaseUrl.parse("postgresql://" + user + ":unused@127.0.0.1:"
                + database.port() + "/postgres", null), DatabaseTable.guideDefaults());
    }

    @Test
    void theGuidesTableAsSuperuser() {
        DatabaseFacts facts = inspect("postgres");

        assertTrue(facts.serverVersion().matches("\\d+\\.\\d+.*"), facts.serverVersion());
        assertEquals("postgres", facts.role());
        assertEquals(List.of(new DatabaseFacts.Column("id", "bigint", true), new DatabaseFacts.Column("user_id",
                "text", false), new DatabaseFacts.Column("email", "text", false)), facts.columns());
        assertNull(facts.uniqueKey());
        assertFalse(facts.rowSecurity());
        assertEquals(Set.of(), facts.missingPrivileges());
        assertTrue(facts.usable(), "a missing unique constraint weakens the sync but does not block it");
        List<String> lines = facts.lines();
        assertTrue(lines.get(0).startsWith("✓ PostgreSQL " + facts.serverVersion()), lines.get(0));
        assertTrue(lines.contains("✓ table public.users: id bigint not null, user_id text, email text"),
                lines.toString());
        assertTrue(lines.contains("✗ no unique constraint on user_id: a user signing in while the sync inserts them"
                + " can end up twice; add it with: alter table \"public\".\"users\" add constraint"
                + " \"users_user_id_key\" unique (\"user_id\");"), lines.toString());
        assertTrue(lines.contains("✓ row-level security is off for public.users"), lines.toString());
        assertTrue(lines.contains("✓ role postgres may select, insert, update, delete on public.users"),
                lines.toString());
    }

    @Test
    void uniqueConstraintIsFoundButNotAPartialIndexOrAWiderKey() {
        database.execute("create unique index users_user_id_email on users (user_id, email)",
                "create unique index users_user_id_partial on users (user_id) where email is not null");
        assertNull(inspect("postgres").uniqueKey());

        database.execute("alter table users add constraint users_user_id_key unique (user_id)");
        DatabaseFacts facts = inspect("postgres");

        assertEquals("users_user_id_key", facts.uniqueKey());
        assertTrue(facts.lines().contains("✓ unique constraint users_user_id_key on user_id: inserts skip users the"
                + " app's sign-in route inserted first"), facts.lines().toString());
    }

    @Test
    void aRoleWithoutWritePrivilegesUnderRowLevelSecurity() {
        database.execute("alter table users enable row level security",
                "grant select on users to limited_reader");

        DatabaseFacts facts = inspect("limited_reader");

        assertEquals(Set.of("insert", "update", "delete"), facts.missingPrivileges());
        assertTrue(facts.rowSecurity());
        assertNull(facts.rowSecurityBypass());
        assertFalse(facts.usable());
        assertTrue(facts.lines().contains("✗ row-level security is on for public.users and role limited_reader does"
                + " not bypass it: its policies decide which rows the sync sees and may write"), facts.lines().toString());
        assertTrue(facts.lines().contains("✗ role limited_reader lacks insert, update, delete on public.users: run as"
                + " the table's owner: grant insert, update, delete on table \"public\".\"users\" to"
                + " \"limited_reader\";"), facts.lines().toString());
    }

    @Test
    void columnPrivilegesCountAndTheOwnerBypassesUnforcedRowSecurity() {
        database.execute("alter table users owner to hanko_owner", "alter table users enable row level security");
        database.execute("grant select (id, user_id, email), insert (user_id, email), update (email) on users"
                + " to limited_reader");

        DatabaseFacts owner = inspect("hanko_owner");
        DatabaseFacts limited = inspect("limited_reader");

        assertEquals("table owner", owner.rowSecurityBypass());
        assertEquals(Set.of("delete"), limited.missingPrivileges());
        assertTrue(limited.usable(), "delete is needed only with --delete-missing");
        assertTrue(limited.lines().stream().anyMatch(line -> line.startsWith("✗ role limited_reader may not delete"
                + " from public.users (needed only with --delete-missing)")), limited.lines().toString());

        database.execute("alter table users force row level security");
        assertNull(inspect("hanko_owner").rowSecurityBypass());
    }

    @Test
    void aMissingTableOrColumnBlocks() {
        database.execute("drop table users");
        DatabaseFacts noTable = inspect("postgres");
        assertFalse(noTable.tableExists());
        assertFalse(noTable.usable());
        assertTrue(noTable.lines().contains("✗ table public.users does not exist: create it as in Hanko's Supabase"
                + " guide, or pass --schema / --table"), noTable.lines().toString());

        database.execute("create table public.users (id bigint primary key, user_id text)");
        DatabaseFacts noEmail = inspect("postgres");
        assertEquals(List.of("email"), noEmail.missingColumns());
        assertFalse(noEmail.usable());
    }

    @Test
    void anUnreachableDatabaseIsAnApiExceptionWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:never-printed-pw@127.0.0.1:" + closedPort
                + "/postgres", null);

        ApiException e = assertThrows(ApiException.class,
                () -> DatabaseInspection.inspect(url, DatabaseTable.guideDefaults()));

        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at postgres@127.0.0.1:" + closedPort),
                e.getMessage());
        assertFalse(e.getMessage().contains("never-printed-pw"));
    }
}
