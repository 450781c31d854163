package dev.hankosync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The main job end to end against the embedded sandbox. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a dry run and then a real sync against a local sandbox; no account needed.")
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("hanko-sync: demo is not built yet");
        return ExitCodes.RUNTIME_FAILURE;
    }
}
