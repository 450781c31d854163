package dev.hankosync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a run's report is shown and kept: shared by {@code sync} and {@code demo}. */
final class OutputOptions {

    enum Format { text, json, ndjson }

    @Option(names = "--format", paramLabel = "text|json|ndjson", defaultValue = "text",
            description = "Report format on stdout: ${COMPLETION-CANDIDATES}. ndjson streams one JSON object per row"
                    + " as it happens, then a summary object. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = "--report", paramLabel = "<file>",
            description = "Also write the report to this file, whatever --format says: CSV rows when the name ends"
                    + " in .csv, else the JSON document.")
    Path reportFile;

    @Option(names = "--list-unchanged", description = "List unchanged rows in the report too.")
    boolean listUnchanged;

    @Option(names = "--list-all", description = "On a terminal, list every row of the text report instead of the"
            + " first " + ReportText.ROWS_PER_ACTION + " of each kind (output to a file or pipe lists them all).")
    boolean listAll;

    @Option(names = "--mask-emails", description = "Show emails as a***@e***.com in every format and in the report"
            + " file, for logs shared with others.")
    boolean maskEmails;

    @Option(names = "--detailed-exitcode",
            description = "Exit 4 when rows were (or in a dry run would be) created, updated or deleted.")
    boolean detailedExitCode;

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour the text report: ${COMPLETION-CANDIDATES}. auto colours only on a terminal and not"
                    + " when NO_COLOR is set. Default: ${DEFAULT-VALUE}.")
    ColorChoice color = ColorChoice.auto;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar or phase lines on stderr (warnings still show).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Log every HTTP request (method, path, status, time; never keys) and show stack traces.")
    boolean verbose;

    Colors colors(CliContext context) {
        return new Colors(color.enabled(context, context.stdoutIsTerminal()));
    }

    /** A terminal gets the first rows of each group; a file or pipe, read at leisure, gets them all. */
    boolean capsRows(CliContext context) {
        return context.stdoutIsTerminal() && !listAll;
    }

    /** A live progress bar only where a person watches stderr and the output is the text report. */
    boolean showsProgressBar(CliContext context) {
        return context.stderrIsTerminal() && !quiet && format == Format.text;
    }

    /** Phase lines on stderr (when there is no progress bar): not with --quiet, nor beside machine formats. */
    boolean printsPhases() {
        return !quiet && format == Format.text;
    }

    EmailMask emailMask() {
        return EmailMask.of(maskEmails);
    }
}
