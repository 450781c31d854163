package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hankosync.sync.Action;
import dev.hankosync.sync.ReportFixture;
import dev.hankosync.sync.SyncReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static String plain(SyncReport report) {
        return new ReportText(Colors.NONE, false, EmailMask.OFF).render(report);
    }

    private static ReportFixture issueExample(ReportFixture fixture) {
        return fixture.scanned(1250, 13, 1244).rows(Action.CREATED, 9).rows(Action.UPDATED, 2)
                .rows(Action.MISSING, 3).rows(Action.DUPLICATE, 1).unchanged(1238);
    }

    @Test
    void dryRunFooterIsThePlanLineOfTheIssue() {
        String text = plain(issueExample(ReportFixture.dryRun()).finish());
        assertTrue(text.contains("\nPlan: 9 to create, 2 to update, 3 missing (kept), 1 duplicate.\n"), text);
        assertTrue(text.contains("1238 rows already match. Took 812 ms. Nothing was written; run without --dry-run"),
                text);
        assertTrue(text.startsWith("hanko-sync plan (dry run: nothing was written)\n"), text);
    }

    @Test
    void realRunFooterSaysWhatWasDone() {
        String text = plain(issueExample(ReportFixture.realRun()).finish());
        assertTrue(text.contains("\nDone: 9 created, 2 updated, 3 missing (kept), 1 duplicate.\n"), text);
        assertTrue(text.contains("1238 rows already matched."), text);
        assertTrue(text.contains("Created (9):"), text);
        assertFalse(text.contains("Would"), text);
    }

    @Test
    void groupsComeInPlanOrderWithTheirMarks() {
        SyncReport report = ReportFixture.dryRun()
                .row(Action.DUPLICATE, "id-dup", "erin@example.com", null, null)
                .row(Action.MISSING, "id-miss", "mallory@example.com", null, null)
                .row(Action.DELETED, "id-del", "trent@example.com", null, null)
                .row(Action.UPDATED, "id-upd", "bob@example.com", "bob@old.example", null)
                .row(Action.CREATED, "id-new", null, null, null)
                .finish();
        String text = plain(report);
        List<String> inOrder = List.of("Would create (1):", "  + (no email)  [id-new]",
                "Would update (1):", "  ~ bob@old.example → bob@example.com  [id-upd]",
                "Would delete (1):", "  - trent@example.com  [id-del]",
                "Missing from Hanko, kept (1):", "  ? mallory@example.com  [id-miss]",
                "Duplicate rows, left alone (1):", "  ! erin@example.com has several rows  [id-dup]",
                "Plan: 1 to create, 1 to update, 1 to delete, 1 missing (kept), 1 duplicate.");
        int at = -1;
        for (String piece : inOrder) {
            int next = text.indexOf(piece, at + 1);
            assertTrue(next > at, "'" + piece + "' missing or out of order in:\n" + text);
            at = next;
        }
    }

    @Test
    void aTerminalSeesTwentyRowsPerGroupAndListAllOrAFileSeesEvery() {
        SyncReport report = ReportFixture.dryRun().rows(Action.CREATED, 25).finish();
        String capped = new ReportText(Colors.NONE, true, EmailMask.OFF).render(report);
        assertEquals(ReportText.ROWS_PER_ACTION, capped.lines().filter(l -> l.startsWith("  + ")).count());
        assertTrue(capped.contains("  … and 5 more (--list-all"), capped);
        String all = plain(report);
        assertEquals(25, all.lines().filter(l -> l.startsWith("  + ")).count());
        assertFalse(all.contains("more (--list-all"), all);
    }

    @Test
    void failuresAndRefusalsAreSpelledOut() {
        SyncReport report = ReportFixture.realRun().rows(Action.FAILED, 1)
                .deletionRefused("4 rows are missing from Hanko, more than --max-delete 3").finish();
        String text = plain(report);
        assertTrue(text.contains("  x failed0@example.com: 23502: null value in column \"email\""), text);
        assertTrue(text.contains("Done: 0 created, 0 updated, 0 deleted, 1 failed."), text);
        assertTrue(text.contains("Nothing deleted: 4 rows are missing"), text);
    }

    @Test
    void anInterruptedRunSaysItsCountsAreWhatHappenedBeforeTheStop() {
        String text = plain(ReportFixture.realRun().rows(Action.CREATED, 2).interrupted().finish());
        assertTrue(text.contains("Done before the stop: 2 created, 0 updated."), text);
        assertTrue(text.contains("Interrupted:"), text);
    }

    @Test
    void maskedEmailsNeverAppearInClear() {
        SyncReport report = ReportFixture.realRun()
                .row(Action.UPDATED, "id-upd", "bob@example.com", "bob@old.example", null).finish();
        String text = new ReportText(Colors.NONE, false, EmailMask.ON).render(report);
        assertTrue(text.contains("  ~ b***@o***.example → b***@e***.com  [id-upd]"), text);
        assertFalse(text.contains("bob@"), text);
    }

    @Test
    void coloursOnlyWhenAsked() {
        SyncReport report = ReportFixture.dryRun().rows(Action.CREATED, 1).finish();
        assertTrue(new ReportText(new Colors(true), false, EmailMask.OFF).render(report).contains("\u001B["));
        assertFalse(plain(report).contains("\u001B"));
    }
}
