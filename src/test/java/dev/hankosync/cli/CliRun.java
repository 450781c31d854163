package dev.hankosync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command tree (the one {@link Main} uses) in-process and captures its exit code and streams. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        return run(CliContext.forTests(env), args);
    }

    static CliRun run(CliContext context, String... args) {
        CommandLine cli = CommandLineFactory.create(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Everything the run printed, for searching secrets. */
    String all() {
        return out + err;
    }
}
