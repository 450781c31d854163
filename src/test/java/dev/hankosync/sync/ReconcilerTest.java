package dev.hankosync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";
    private static final String D = "00000000-0000-4000-8000-00000000000d";

    @Test
    void aUserWithoutRowIsCreatedWithItsEmail() {
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com"), List.of(), false);
        assertEquals(List.of(new NewRow(A, "a@example.com")), plan.creates());
        assertTrue(plan.updates().isEmpty());
        assertTrue(plan.missing().isEmpty());
    }

    @Test
    void aUsernameOnlyUserIsCreatedWithNullEmail() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(A, null);
        Plan plan = Reconciler.reconcile(users, List.of(), false);
        assertEquals(List.of(new NewRow(A, null)), plan.creates());
    }

    @Test
    void sameEmailIsUnchangedAndDifferentEmailIsUpdatedWithThePreviousOne() {
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com", B, "new@example.com"),
                List.of(new TableRow("1", A, "a@example.com"), new TableRow("2", B, "old@example.com")), true);
        assertEquals(1, plan.unchangedCount());
        assertEquals(List.of(new TableRow("1", A, "a@example.com")), plan.unchanged());
        assertEquals(List.of(new Plan.Update("2", B, "old@example.com", "new@example.com")), plan.updates());
    }

    @Test
    void nullEmailInRowAgainstNullEmailUserIsUnchanged() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(A, null);
        Plan plan = Reconciler.reconcile(users, List.of(new TableRow("1", A, null)), false);
        assertEquals(1, plan.unchangedCount());
        assertTrue(plan.unchanged().isEmpty(), "unchanged rows are only kept when asked");
        assertTrue(plan.updates().isEmpty());
    }

    @Test
    void emailComparisonIsExactSoACaseChangeIsAnUpdate() {
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com"),
                List.of(new TableRow("1", A, "A@example.com")), false);
        assertEquals(1, plan.updates().size());
    }

    @Test
    void anUpperCaseUserIdInTheTableIsStillThatUsersRow() {
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com"),
                List.of(new TableRow("1", A.toUpperCase(), "a@example.com")), false);
        assertEquals(1, plan.unchangedCount());
        assertTrue(plan.missing().isEmpty());
        assertTrue(plan.creates().isEmpty());
    }

    @Test
    void severalRowsForOneUserAreADuplicateAndNotTouched() {
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com"),
                List.of(new TableRow("1", A, "a@example.com"), new TableRow("2", A, "other@example.com")), false);
        assertEquals(List.of(new Plan.Duplicate(A, "a@example.com", 2)), plan.duplicates());
        assertTrue(plan.creates().isEmpty());
        assertTrue(plan.updates().isEmpty());
        assertEquals(0, plan.unchangedCount());
    }

    @Test
    void rowsOfUnknownUsersAndRowsWithoutUserIdAreMissing() {
        TableRow orphan = new TableRow("7", C, "c@example.com");
        TableRow blank = new TableRow("8", null, "x@example.com");
        Plan plan = Reconciler.reconcile(Map.of(A, "a@example.com"),
                List.of(new TableRow("1", A, "a@example.com"), orphan, blank), false);
        assertEquals(List.of(orphan, blank), plan.missing());
    }

    @Test
    void mixedWorldCountsAddUp() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put(A, "a@example.com");
        users.put(B, "b@example.com");
        users.put(C, "c+tag@example.com");
        List<TableRow> rows = List.of(new TableRow("1", A, "a@example.com"), new TableRow("2", B, "b-old@example.com"),
                new TableRow("3", D, "d@example.com"));
        Plan plan = Reconciler.reconcile(users, rows, false);
        assertEquals(1, plan.creates().size());
        assertEquals(1, plan.updates().size());
        assertEquals(1, plan.unchangedCount());
        assertEquals(1, plan.missing().size());
        assertEquals(C, plan.creates().get(0).userId());
    }
}
