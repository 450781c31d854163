package dev.hankosync.cli;

import dev.hankosync.config.Settings;
import dev.hankosync.sync.SyncEngine;
import dev.hankosync.sync.SyncListener;
import dev.hankosync.sync.SyncOptions;
import dev.hankosync.sync.SyncReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One sync from settings to printed report and exit code; {@code sync} runs it once, {@code demo} twice.
 */
final class SyncRun {

    private final CliContext context;
    private final OutputOptions output;
    private final PrintWriter out;
    private final PrintWriter err;

    SyncRun(CliContext context, OutputOptions output, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.output = output;
        this.out = out;
        this.err = err;
    }

    int run(Settings settings, boolean dryRun, boolean allowEmptySource) {
        StderrListener listener = new StderrListener(err, output.quiet || output.format == OutputOptions.Format.json
                ? StderrListener.Detail.WARNINGS : StderrListener.Detail.PHASES);
        ApiClients clients = ApiClients.create(settings, output.verbose ? line -> {
            err.println("http: " + line);
            err.flush();
        } : null, listener::warning);

        SyncOptions options = new SyncOptions(dryRun, settings.pageSize(), 1000, settings.batchSize(),
                settings.deleteMissing(), settings.maxDelete(), allowEmptySource, output.listUnchanged,
                SyncOptions.defaults().maxScanPasses());
        SyncEngine engine = new SyncEngine(clients.hanko(), clients.table(), settings.table(), options, listener,
                context.clock());

        context.stopSignals().whileRunning(engine::requestStop);
        SyncReport report;
        try {
            report = engine.run();
        } finally {
            context.stopSignals().runEnded();
        }

        int exitCode = exitCode(report);
        if (output.reportFile != null) {
            writeAtomically(output.reportFile, ReportJson.render(report, exitCode));
        }
        if (output.format == OutputOptions.Format.json) {
            out.print(ReportJson.render(report, exitCode));
        } else {
            out.print(new ReportText(output.useColor(context), output.listAll).render(report));
        }
        out.flush();
        explain(report, exitCode);
        return exitCode;
    }

    int exitCode(SyncReport report) {
        if (report.wasInterrupted()) {
            int signal = context.stopSignals().exitCodeOfSignal();
            return signal == 0 ? ExitCodes.SIGINT : signal;
        }
        if (report.stoppedBy() != null || !report.scanComplete()) {
            return ExitCodes.RUNTIME_FAILURE;
        }
        if (report.deletionRefused() != null) {
            return ExitCodes.DELETION_REFUSED;
        }
        if (report.count(dev.hankosync.sync.Action.FAILED) > 0) {
            return ExitCodes.ROWS_FAILED;
        }
        if (output.detailedExitCode && report.changedAnything()) {
            return ExitCodes.CHANGES;
        }
        return ExitCodes.OK;
    }

    /** The one-line reason for a non-zero exit, on stderr, where a cron mail or CI log shows it. */
    private void explain(SyncReport report, int exitCode) {
        String why = switch (exitCode) {
            case ExitCodes.RUNTIME_FAILURE -> report.stoppedBy() != null
                    ? "stopped: " + report.stoppedBy()
                    : "the Hanko scan was incomplete (" + report.scanIncompleteReason() + "); run again";
            case ExitCodes.DELETION_REFUSED -> "deletion refused: " + report.deletionRefused();
            case ExitCodes.ROWS_FAILED -> report.count(dev.hankosync.sync.Action.FAILED)
                    + " rows failed; the report lists them with the database's error";
            case ExitCodes.SIGINT, ExitCodes.SIGTERM -> "interrupted; run again to finish (nothing is written twice)";
            default -> null;
        };
        if (why != null) {
            err.println("hanko-sync: " + why);
            err.flush();
        }
    }

    /** Written beside the target and moved over it, so a reader never sees half a report. */
    private static void writeAtomically(Path file, String text) {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new ReportFileException("cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Phases and warnings on stderr: the only place besides the report that a run speaks. */
    static final class StderrListener implements SyncListener {
        enum Detail { WARNINGS, PHASES }

        private final PrintWriter err;
        private final Detail detail;

        StderrListener(PrintWriter err, Detail detail) {
            this.err = err;
            this.detail = detail;
        }

        @Override
        public void phase(String name) {
            if (detail == Detail.PHASES) {
                err.println("hanko-sync: " + name);
                err.flush();
            }
        }

        @Override
        public synchronized void warning(String message) {
            err.println("hanko-sync: warning: " + message);
            err.flush();
        }
    }
}
