package dev.hankosync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Verifies configuration, reachability, credentials and the table; changes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check settings, reachability, keys and the table; change nothing.")
class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliContext context;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("hanko-sync: check is not built yet");
        return ExitCodes.RUNTIME_FAILURE;
    }
}
