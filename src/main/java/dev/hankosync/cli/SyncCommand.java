package dev.hankosync.cli;

import dev.hankosync.config.LoadedSettings;
import dev.hankosync.config.SettingsLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: reconcile Hanko's users into the table and report. Also what {@code hanko-sync} alone runs. */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Reconcile every Hanko user into the Supabase table and report what changed.",
        footer = {"", "Keys are secrets: pass them in the environment (HANKO_API_KEY, SUPABASE_SERVICE_ROLE_KEY or "
                + "SUPABASE_SECRET_KEY), not as flags, which other users can see in the process list.",
                "Exit codes: 0 done, 1 runtime failure, 2 usage/configuration, 3 rows failed, "
                        + "4 changes (--detailed-exitcode), 5 deletion refused, 130/143 interrupted."})
class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--dry-run", description = "Compute and print the plan; send no POST, PATCH or DELETE.")
    boolean dryRun;

    @Option(names = "--allow-empty-source",
            description = "With --delete-missing: delete even when Hanko lists no users at all.")
    boolean allowEmptySource;

    @Mixin
    ConfigFileOptions files = new ConfigFileOptions();

    private final CliContext context;

    SyncCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LoadedSettings loaded = new SettingsLoader().load(files.sources(spec, context));
        loaded.warnings().forEach(w -> spec.commandLine().getErr().println("hanko-sync: warning: " + w));
        return new SyncRun(context, output, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(loaded.settings(), dryRun, allowEmptySource, loaded.warnings());
    }
}
