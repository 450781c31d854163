package dev.hankosync.cli;

import dev.hankosync.sandbox.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Keeps the demo's two stand-ins running, so that {@code check} and {@code sync} can be tried against them from
 * another terminal the way they are used against a real tenant: through an env file that this command writes
 * (the sandbox's URLs and its throwaway key) and deletes when it stops.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Start the demo's local Hanko admin API and Supabase REST API (on an embedded PostgreSQL),"
                + " seeded like the demo, and keep them running until Ctrl-C. Their URLs and key go into an env file,"
                + " so in another terminal you can run:",
                "  hanko-sync check --env-file sandbox.env",
                "  hanko-sync --dry-run --env-file sandbox.env",
                "Nothing outside this machine is contacted; the env file is deleted when the sandbox stops."})
class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--env-out", paramLabel = "<file>", defaultValue = "sandbox.env",
            description = "Where to write the env file. Default: ${DEFAULT-VALUE}.")
    Path envOut;

    private final CliContext context;

    SandboxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        err.println("hanko-sync sandbox: starting a local Hanko admin API and Supabase (embedded PostgreSQL)...");
        err.flush();
        CountDownLatch stop = new CountDownLatch(1);
        try (DemoWorld world = DemoWorld.start(0, 0)) {
            context.stopSignals().whileRunning(stop::countDown);
            try {
                writeEnvFile(world);
                err.println("hanko-sync sandbox: Hanko at " + world.hankoUrl() + ", Supabase at " + world.supabaseUrl());
                err.println("hanko-sync sandbox: wrote " + envOut + "; in another terminal try:");
                err.println("  bin/hanko-sync check --env-file " + envOut);
                err.println("  bin/hanko-sync --dry-run --env-file " + envOut);
                err.println("  bin/hanko-sync --dry-run --env-file " + envOut + " --database-url '"
                        + world.supabase().jdbcUrl() + "'   (direct database mode)");
                err.println("hanko-sync sandbox: running until Ctrl-C");
                err.flush();
                stop.await();
            } finally {
                context.stopSignals().runEnded();
                Files.deleteIfExists(envOut);
            }
        }
        err.println("hanko-sync sandbox: stopped");
        err.flush();
        return ExitCodes.OK;
    }

    /** Owner-only from the start: the key in it is a throwaway, but the loader warns about readable key files. */
    private void writeEnvFile(DemoWorld world) throws IOException {
        String text = "# written by hanko-sync sandbox; deleted when it stops\n"
                + "HANKO_ADMIN_URL=" + world.hankoUrl() + "\n"
                + "SUPABASE_URL=" + world.supabaseUrl() + "\n"
                + "SUPABASE_SECRET_KEY=" + world.supabaseKey() + "\n"
                + "# the same table over a database connection instead of the REST API: pass\n"
                + "#   --database-url '" + world.supabase().jdbcUrl() + "'\n";
        // written beside and moved into place, so whoever waits for the file never reads half of it
        Path absolute = envOut.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
