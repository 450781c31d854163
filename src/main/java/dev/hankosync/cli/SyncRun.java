package dev.hankosync.cli;

import dev.hankosync.config.Settings;
import dev.hankosync.sync.SyncEngine;
import dev.hankosync.sync.SyncListener;
import dev.hankosync.sync.SyncOptions;
import dev.hankosync.sync.SyncReport;
import java.io.PrintWriter;

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
        return run(settings, dryRun, allowEmptySource, java.util.List.of());
    }

    /** @param configWarnings what loading the settings warned about, kept in the report too */
    int run(Settings settings, boolean dryRun, boolean allowEmptySource, java.util.List<String> configWarnings) {
        if (output.reportFile != null) {
            ReportFileWriter.checkWritable(output.reportFile);
        }
        refuseBrowserKey(settings);
        // stderr gets a progress bar on a terminal, else phase lines; ndjson rows stream to stdout beside it
        TerminalProgress progress = output.showsProgressBar(context) ? new TerminalProgress(err, context.clock()) : null;
        SyncListener stderr = progress != null ? progress : new StderrListener(err, output.printsPhases()
                ? StderrListener.Detail.PHASES : StderrListener.Detail.WARNINGS);
        EmailMask mask = output.emailMask();
        ReportNdjson ndjson = output.format == OutputOptions.Format.ndjson ? new ReportNdjson(out, mask, dryRun) : null;
        SyncListener listener = ndjson == null ? stderr : new CombinedListener(stderr, ndjson);
        // a report made here, with the listener, so ndjson streams each row as it is recorded
        SyncReport report = new SyncReport(dryRun, settings.table(), context.clock().instant(), listener);
        configWarnings.forEach(report::addWarning);
        ApiClients clients = ApiClients.create(settings, dryRun, RetryBackoffOverride.from(context.environment()),
                output.verbose ? line -> {
            if (progress != null) {
                progress.printAbove("http: " + line);
            } else {
                err.println("http: " + line);
                err.flush();
            }
        } : null, warning -> {
            report.addWarning(warning);
            stderr.warning(warning);
        });

        SyncOptions options = new SyncOptions(dryRun, settings.pageSize(), 1000, settings.batchSize(),
                settings.deleteMissing(), settings.maxDelete(), allowEmptySource, output.listUnchanged,
                SyncOptions.defaults().maxScanPasses(), settings.concurrency());
        SyncEngine engine = new SyncEngine(clients.hanko(), clients.table(), settings.table(), options, listener,
                context.clock());

        context.stopSignals().whileRunning(engine::requestStop);
        try {
            engine.run(report);
        } finally {
            context.stopSignals().runEnded();
            clients.close(); // the database target's connection
            if (progress != null) {
                progress.finish();
            }
        }

        int exitCode = exitCode(report);
        switch (output.format) {
            case json -> ReportJson.write(report, exitCode, mask, out);
            case ndjson -> ndjson.summary(report, exitCode);
            case text -> new ReportText(output.colors(context), output.capsRows(context), mask).write(report, out);
        }
        out.flush();
        explain(report, exitCode);
        // after stdout, so a report file that cannot be written never costs the report itself
        if (output.reportFile != null) {
            ReportFileWriter.write(output.reportFile, ReportFile.isCsv(output.reportFile)
                    ? writer -> ReportCsv.write(report, mask, writer)
                    : writer -> ReportJson.write(report, exitCode, mask, writer));
        }
        return exitCode;
    }

    /**
     * An anon or publishable key runs under row-level security: rows it may not see look missing, and the sync
     * would insert them again. Refused before any request, whatever the run.
     */
    private static void refuseBrowserKey(Settings settings) {
        if (settings.targetsDatabase() || settings.supabaseKey() == null) {
            return;
        }
        if (dev.hankosync.supabase.SupabaseKeyStyle.of(settings.supabaseKey()).browserKey()) {
            throw new dev.hankosync.config.ConfigException("the Supabase key is a public (anon or publishable) key:"
                    + " row-level security can hide rows from it, and the sync would insert them again; use the"
                    + " service_role key or a secret key (SUPABASE_SERVICE_ROLE_KEY or SUPABASE_SECRET_KEY)");
        }
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
