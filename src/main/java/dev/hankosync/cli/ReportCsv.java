package dev.hankosync.cli;

import dev.hankosync.sync.RowResult;
import dev.hankosync.sync.SyncReport;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --report FILE.csv}: the report's rows as RFC 4180 CSV, one per line under a header
 * ({@code action,user_id,email,previous_email,error}), for a spreadsheet. The counts and the rest of the run are
 * in the JSON report; a CSV has room only for the rows.
 *
 * <p>Emails come from Hanko users, so anyone who can sign up chooses them: a cell that a spreadsheet would run
 * as a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP
 * advises against CSV injection.
 */
final class ReportCsv {

    static final List<String> HEADER = List.of("action", "user_id", "email", "previous_email", "error");

    private ReportCsv() {}

    static String render(SyncReport report, EmailMask mask) {
        java.io.StringWriter text = new java.io.StringWriter();
        write(report, mask, text);
        return text.toString();
    }

    /** Streams the rows, one line at a time, so a large report is never held whole. */
    static void write(SyncReport report, EmailMask mask, java.io.Writer out) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        report.forEachRow(row -> {
            RowResult shown = mask.apply(row);
            line(csv, Arrays.asList(shown.action().key(), shown.userId(), shown.email(),
                    shown.previousEmail(), shown.error()));
            flush(csv, out);
        });
        flush(csv, out);
    }

    private static void flush(StringBuilder csv, java.io.Writer out) {
        try {
            out.write(csv.toString());
            csv.setLength(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** Null is an empty cell; quotes only where needed, doubled inside. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
