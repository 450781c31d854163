package dev.hankosync.cli;

import picocli.CommandLine;

/** Builds the command tree; {@link Main} and the tests use this one factory, so tests run what users run. */
public final class CommandLineFactory {

    private CommandLineFactory() {}

    public static CommandLine create(CliContext context) {
        CommandLine root = command(new SyncCommand(context));
        root.setCommandName("hanko-sync");
        root.getCommandSpec().usageMessage().description(
                "Reconcile Hanko users into a Supabase users table. With no command, runs sync.");
        root.addSubcommand("sync", command(new SyncCommand(context)));
        root.addSubcommand("demo", command(new DemoCommand(context)));
        root.addSubcommand("check", command(new CheckCommand(context)));
        return root;
    }

    private static CommandLine command(Object command) {
        CommandLine commandLine = new CommandLine(command);
        if (command instanceof SyncCommand || command instanceof CheckCommand) {
            SettingOptions.addTo(commandLine.getCommandSpec());
        }
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
