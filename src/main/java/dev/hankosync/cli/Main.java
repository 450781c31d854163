package dev.hankosync.cli;

/** The process entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(CliContext.ofProcess()).execute(args));
    }
}
