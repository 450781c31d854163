package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hankosync.sync.Action;
import dev.hankosync.sync.RowResult;
import org.junit.jupiter.api.Test;

class EmailMaskTest {

    @Test
    void keepsTheFirstLettersAndTheTopLevelDomain() {
        assertEquals("a***@e***.com", EmailMask.ON.apply("alice@example.com"));
        assertEquals("d***@m***.uk", EmailMask.ON.apply("dave+news@mail.example.co.uk"));
        assertEquals("x***@l***", EmailMask.ON.apply("x@localhost"));
        assertEquals("u***", EmailMask.ON.apply("username-only"));
        assertNull(EmailMask.ON.apply((String) null));
    }

    @Test
    void offLeavesEverythingAlone() {
        RowResult row = new RowResult(Action.UPDATED, "id", "new@example.com", "old@example.com", null);
        assertEquals(row, EmailMask.OFF.apply(row));
    }

    @Test
    void theDatabasesErrorIsMaskedWhereItQuotesTheAddress() {
        RowResult row = new RowResult(Action.FAILED, "id", "alice@example.com", null,
                "23505: duplicate key (Key (email)=(alice@example.com) already exists.)");
        RowResult masked = EmailMask.ON.apply(row);
        assertEquals("a***@e***.com", masked.email());
        assertEquals("23505: duplicate key (Key (email)=(a***@e***.com) already exists.)", masked.error());
        assertEquals("id", masked.userId());
    }
}
