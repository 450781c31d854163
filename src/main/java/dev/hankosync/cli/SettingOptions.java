package dev.hankosync.cli;

import dev.hankosync.config.SettingKey;
import dev.hankosync.config.ValueType;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Adds one option per {@link SettingKey} to a command, so the help lists every setting with its environment
 * variable and default from the same table the loader uses. Values stay text here: the config package parses
 * and validates them, with messages that name the option.
 */
final class SettingOptions {

    private SettingOptions() {}

    static void addTo(CommandSpec spec) {
        for (SettingKey key : SettingKey.values()) {
            OptionSpec.Builder option = OptionSpec.builder(key.flag())
                    .type(String.class)
                    .description(describe(key))
                    .paramLabel(label(key));
            if (key.type() instanceof ValueType.YesNo) {
                option.arity("0..1").fallbackValue("true");
            }
            spec.addOption(option.build());
        }
    }

    /** The settings given as flags, keyed by property name, for the config loader. */
    static Map<String, String> given(ParseResult parsed) {
        Map<String, String> flags = new HashMap<>();
        for (SettingKey key : SettingKey.values()) {
            if (parsed.hasMatchedOption(key.flag())) {
                String value = parsed.matchedOptionValue(key.flag(), (String) null);
                if (value == null || value.isBlank()) {
                    // blank means "unset" in files and the environment; on the command line it is a mistake
                    throw new ParameterException(parsed.commandSpec().commandLine(),
                            key.flag() + " needs a value (it was given empty)");
                }
                flags.put(key.property(), value);
            }
        }
        return flags;
    }

    private static String describe(SettingKey key) {
        StringBuilder text = new StringBuilder(key.description());
        if (!key.environmentVariables().isEmpty()) {
            text.append(" Env: ").append(String.join(" or ", key.environmentVariables())).append('.');
        }
        text.append(" Property: ").append(key.property()).append('.');
        key.defaultValue().ifPresent(d -> text.append(" Default: ").append(d).append('.'));
        if (key.required()) {
            text.append(" Required.");
        }
        return text.toString();
    }

    private static String label(SettingKey key) {
        ValueType type = key.type();
        if (type instanceof ValueType.HttpUrl || type instanceof ValueType.DatabaseUrl) {
            return "<url>";
        }
        if (type instanceof ValueType.Secret) {
            return "<key>";
        }
        if (type instanceof ValueType.YesNo) {
            return "<true|false>";
        }
        if (type instanceof ValueType.WholeNumber) {
            return "<n>";
        }
        return "<name>";
    }
}
