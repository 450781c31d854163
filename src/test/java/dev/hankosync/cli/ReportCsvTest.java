package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hankosync.sync.Action;
import dev.hankosync.sync.ReportFixture;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void oneLinePerRowUnderAHeader() {
        String csv = ReportCsv.render(ReportFixture.realRun()
                .row(Action.CREATED, "id-1", "a@example.com", null, null)
                .row(Action.UPDATED, "id-2", "b@example.com", "b@old.example", null)
                .row(Action.FAILED, "id-3", null, null, "23502: null value in column \"email\", row 1")
                .finish(), EmailMask.OFF);
        assertEquals("action,user_id,email,previous_email,error\r\n"
                + "created,id-1,a@example.com,,\r\n"
                + "updated,id-2,b@example.com,b@old.example,\r\n"
                + "failed,id-3,,,\"23502: null value in column \"\"email\"\", row 1\"\r\n", csv);
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertEquals("'=HYPERLINK(1)@example.com", ReportCsv.cell("=HYPERLINK(1)@example.com"));
        assertEquals("'+1@example.com", ReportCsv.cell("+1@example.com"));
        assertEquals("\"'@SUM(1,2)\"", ReportCsv.cell("@SUM(1,2)"));
        assertEquals("plain@example.com", ReportCsv.cell("plain@example.com"));
        assertEquals("", ReportCsv.cell(null));
    }

    @Test
    void maskingAppliesToTheFileToo() {
        String csv = ReportCsv.render(ReportFixture.realRun().row(Action.CREATED, "id-1", "alice@example.com", null,
                null).finish(), EmailMask.ON);
        assertEquals("action,user_id,email,previous_email,error\r\ncreated,id-1,a***@e***.com,,\r\n", csv);
    }
}
