package dev.hankosync.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes docs/options.md, the full option reference, from the command tree itself (the same one {@link Main}
 * runs), so the page cannot say anything the code does not do. {@code OptionReferenceTest} keeps the file in step.
 */
final class OptionReference {

    static final String UPDATE_PROPERTY = "hanko.sync.updateDocs";

    private OptionReference() {}

    static String markdown() {
        CommandLine root = CommandLineFactory.create(CliContext.forTests(Map.of()));
        Map<String, CommandLine> commands = root.getSubcommands();
        StringBuilder md = new StringBuilder();
        md.append("# hanko-sync option reference\n\n");
        md.append("Generated from the command definitions; do not edit by hand. After changing an option, refresh it"
                + " with\n`mvn test -Dtest=OptionReferenceTest -D" + UPDATE_PROPERTY + "=true`"
                + " (the test fails while it is out of date).\n\n");
        md.append("Settings come from flags, then the environment, then `--env-file`, then the `--config` properties"
                + " file, then defaults. Each setting below names its environment variable and property. Keys"
                + " belong in the environment: flags are visible in the process list.\n\n");
        md.append("Commands: ").append(commands.keySet().stream()
                .map(name -> "[" + name + "](#" + anchor(name) + ")").collect(Collectors.joining(" · ")))
                .append(". With no command, `hanko-sync` runs `sync`.\n");
        commands.forEach((name, command) -> section(md, name, command.getCommandSpec()));
        return md.toString();
    }

    private static void section(StringBuilder md, String name, CommandSpec spec) {
        md.append("\n## ").append(title(name)).append("\n\n");
        boolean inCode = false;
        for (String line : spec.usageMessage().description()) {
            boolean code = line.startsWith("  "); // example command lines
            if (code != inCode) {
                md.append(code ? "```sh\n" : "```\n\n");
                inCode = code;
            }
            md.append(code ? line.strip() + "\n" : prose(line) + "\n\n");
        }
        if (inCode) {
            md.append("```\n\n");
        }
        md.append("Usage: `hanko-sync ").append(name.equals("sync") ? "[sync]" : name).append(" [options]");
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            md.append(' ').append(positional.paramLabel());
        }
        md.append("`\n\n| option | what it does |\n| --- | --- |\n");
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            row(md, "`" + positional.paramLabel() + "`", positional.renderedDescription());
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                String names = String.join(", ", option.names());
                String label = option.typeInfo().isBoolean() && option.arity().max() == 0 ? "" : " " + option.paramLabel();
                row(md, "`" + names + label + "`", option.renderedDescription());
            }
        }
        List<String> footer = List.of(spec.usageMessage().footer());
        footer.stream().filter(line -> !line.isBlank()).forEach(line -> md.append('\n').append(prose(line)).append('\n'));
    }

    private static void row(StringBuilder md, String option, String[] description) {
        md.append("| ").append(option.replace("|", "\\|")).append(" | ").append(prose(String.join(" ", description)))
                .append(" |\n");
    }

    private static String title(String name) {
        return name.equals("sync") ? "sync (the default command)" : name;
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
    private static String anchor(String name) {
        return title(name).toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    /** Text outside code: what Markdown would read as a tag, emphasis or a table cell boundary is escaped. */
    private static String prose(String text) {
        return text.replace("|", "\\|").replace("*", "\\*").replace("<", "&lt;").replace(">", "&gt;");
    }
}
