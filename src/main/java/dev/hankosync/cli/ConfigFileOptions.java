package dev.hankosync.cli;

import dev.hankosync.config.ConfigSources;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where settings come from besides flags and the environment: shared by every command that loads them. */
final class ConfigFileOptions {

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file with settings "
            + "(see config.example.properties).")
    Path configFile;

    @Option(names = "--env-file", paramLabel = "<file>",
            description = "Dotenv file read as environment (e.g. your app's .env.local).")
    Path envFile;

    /** The command's flags, the process environment and these files, for the settings loader. */
    ConfigSources sources(CommandSpec spec, CliContext context) {
        return new ConfigSources(SettingOptions.given(spec.commandLine().getParseResult()), context.environment(),
                configFile, envFile);
    }
}
