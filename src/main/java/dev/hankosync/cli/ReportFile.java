package dev.hankosync.cli;

import java.nio.file.Path;
import java.util.Locale;

/** What {@code --report FILE} holds: CSV rows when the name ends in {@code .csv}, else the JSON document. */
final class ReportFile {

    private ReportFile() {}

    static boolean isCsv(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
