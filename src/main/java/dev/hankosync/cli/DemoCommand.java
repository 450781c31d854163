package dev.hankosync.cli;

import dev.hankosync.config.Settings;
import dev.hankosync.sandbox.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job end to end against the embedded sandbox: no account, no install. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Start a local Hanko admin API and a local Supabase REST API (on an embedded PostgreSQL),"
                + " seed them, then run a dry run and a real sync against them and print both reports.",
                "Nothing outside this machine is contacted; everything stops when the demo ends."})
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--extra-users", paramLabel = "<n>", defaultValue = "0",
            description = "Add this many synthetic users to the demo tenant. Default: ${DEFAULT-VALUE}.")
    int extraUsers;

    @Option(names = "--extra-rows", paramLabel = "<n>", defaultValue = "0",
            description = "Of the synthetic users, how many already have their row. Default: ${DEFAULT-VALUE}.")
    int extraRows;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (extraUsers < 0 || extraRows < 0 || extraRows > extraUsers) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--extra-rows must be between 0 and --extra-users");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("hanko-sync demo: starting a local Hanko admin API and Supabase (embedded PostgreSQL)...");
        err.flush();
        try (DemoWorld world = DemoWorld.start(extraUsers, extraRows)) {
            Settings settings = Settings.withDefaults(world.hankoUrl(), null, world.supabaseUrl(),
                    world.supabaseKey());
            err.println("hanko-sync demo: Hanko at " + world.hankoUrl() + ", Supabase at " + world.supabaseUrl());
            SyncRun run = new SyncRun(context, output, out, err);

            heading(out, "1. hanko-sync --dry-run");
            run.run(settings, true, false);
            heading(out, "2. hanko-sync");
            int exitCode = run.run(settings, false, false);

            err.println("hanko-sync demo: the sandboxes answered " + world.hanko().requestCount()
                    + " Hanko requests and " + world.supabase().faults().requestCount() + " Supabase requests");
            err.flush();
            return exitCode;
        }
    }

    private void heading(PrintWriter out, String text) {
        if (output.format == OutputOptions.Format.text) {
            out.println();
            out.println("=== " + text + " ===");
        }
    }
}
