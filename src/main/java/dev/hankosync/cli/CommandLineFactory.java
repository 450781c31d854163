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
        root.addSubcommand("sandbox", command(new SandboxCommand(context)));
        root.addSubcommand("completion", command(new CompletionCommand()));
        root.setExecutionStrategy(CommandLineFactory::refuseOptionsBeforeCommand);
        root.setParameterExceptionHandler(new UsageErrorHandler());
        return root;
    }

    /**
     * {@code hanko-sync --dry-run sync} would otherwise parse --dry-run for the top-level command and then run
     * {@code sync} without it: a real run the operator did not ask for. Options go after the command.
     */
    private static int refuseOptionsBeforeCommand(CommandLine.ParseResult parsed) {
        if (parsed.subcommand() != null && !parsed.matchedOptions().isEmpty()) {
            String option = parsed.matchedOptions().get(0).longestName();
            String command = parsed.subcommand().commandSpec().name();
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                    option + " must come after the command: hanko-sync " + command + " " + option + " ...");
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static CommandLine command(Object command) {
        CommandLine commandLine = new CommandLine(command);
        if (command instanceof SyncCommand || command instanceof CheckCommand) {
            SettingOptions.addTo(commandLine.getCommandSpec());
        }
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
