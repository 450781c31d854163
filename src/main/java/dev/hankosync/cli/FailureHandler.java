package dev.hankosync.cli;

import dev.hankosync.config.ConfigException;
import dev.hankosync.http.ApiException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place a failure becomes a message and an exit code: a short line on stderr, and a stack trace only
 * with --verbose (a user mistake never shows one).
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        int code;
        if (e instanceof ConfigException config) {
            // warnings gathered first often explain the error ("unknown key supabase.ulr" → "missing Supabase URL")
            config.warnings().forEach(w -> err.println("hanko-sync: warning: " + w));
            err.println("hanko-sync: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else if (e instanceof ApiException) {
            err.println("hanko-sync: " + e.getMessage());
            code = ExitCodes.RUNTIME_FAILURE;
        } else if (e instanceof ReportFileException) {
            err.println("hanko-sync: " + e.getMessage());
            code = ExitCodes.RUNTIME_FAILURE;
        } else {
            err.println("hanko-sync: internal error: " + e + " (run with --verbose for details)");
            code = ExitCodes.RUNTIME_FAILURE;
        }
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
