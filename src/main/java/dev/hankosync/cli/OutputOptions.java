package dev.hankosync.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a run's report is shown and kept: shared by {@code sync} and {@code demo}. */
final class OutputOptions {

    enum Format { text, json }

    enum ColorChoice { auto, always, never }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Report format on stdout: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = "--report", paramLabel = "<file>",
            description = "Also write the JSON report to this file (whatever --format says).")
    Path reportFile;

    @Option(names = "--list-unchanged", description = "List unchanged rows in the report too.")
    boolean listUnchanged;

    @Option(names = "--list-all", description = "In text format, list every row instead of the first "
            + ReportText.ROWS_PER_ACTION + " of each kind.")
    boolean listAll;

    @Option(names = "--detailed-exitcode",
            description = "Exit 4 when rows were (or in a dry run would be) created, updated or deleted.")
    boolean detailedExitCode;

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour the text report: ${COMPLETION-CANDIDATES}. NO_COLOR in the environment means never"
                    + " under auto. Default: ${DEFAULT-VALUE}.")
    ColorChoice color = ColorChoice.auto;

    @Option(names = {"-q", "--quiet"}, description = "No progress or phase lines on stderr (warnings still show).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Log every HTTP request (method, path, status, time; never keys) and show stack traces.")
    boolean verbose;

    boolean useColor(CliContext context) {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> context.stdoutIsTerminal() && !context.environment().containsKey("NO_COLOR");
        };
    }
}
