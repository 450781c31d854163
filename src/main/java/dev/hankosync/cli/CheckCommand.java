package dev.hankosync.cli;

import dev.hankosync.config.ConfigException;
import dev.hankosync.config.KeyRedaction;
import dev.hankosync.config.LoadedSettings;
import dev.hankosync.config.SettingKey;
import dev.hankosync.config.Settings;
import dev.hankosync.config.SettingsLoader;
import dev.hankosync.hanko.HankoAdminClient;
import dev.hankosync.http.HttpClients;
import dev.hankosync.http.HttpSettings;
import dev.hankosync.supabase.SupabaseTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Verifies configuration, reachability, credentials and the table, printing one ✓/✗ line per finding with the fix;
 * sends only reads (no POST, PATCH or DELETE; in database mode a read-only connection). Every problem it finds,
 * a missing setting included, is a ✗ line and exit 1, so one run lists them all.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check the settings, that Hanko and Supabase answer and accept the keys, and that the table"
                + " and its columns exist; print one line per finding (✓ works, ✗ must be fixed, ! worth a look,"
                + " ? cannot be told from here) with the fix. Sends only reads; changes nothing."},
        footer = {"", "Exit codes: 0 every check passed (warnings allowed), 1 a check failed, 2 usage error."})
class CheckCommand implements Callable<Integer> {

    /** One retry at most: a check should answer in seconds, not wait through a sync's back-offs. */
    static final int RETRIES = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOptions files = new ConfigFileOptions();

    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour the marks: ${COMPLETION-CANDIDATES}. auto colours only on a terminal and not when"
                    + " NO_COLOR is set. Default: ${DEFAULT-VALUE}.")
    ColorChoice color = ColorChoice.auto;

    @Option(names = {"-v", "--verbose"},
            description = "Log every HTTP request (method, path, status, time; never keys) and show stack traces.")
    boolean verbose;

    private final CliContext context;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckReport report = new CheckReport();
        Settings settings = loadSettings(report);
        if (settings != null) {
            OkHttpClient http = HttpClients.create(httpSettings(settings), verbose ? requestLog() : null);
            if (settings.hankoAdminUrl() != null) {
                report.addAll("Hanko", HankoChecks.run(new HankoAdminClient(http, settings.hankoAdminUrl(),
                        settings.hankoApiKey()), settings.hankoAdminUrl(), settings.hankoApiKey()));
            }
            if (settings.targetsDatabase()) {
                report.addAll("Supabase database (--database-url)", DatabaseChecks.run(settings));
            } else if (settings.supabaseUrl() != null && settings.supabaseKey() != null) {
                report.addAll("Supabase REST API", SupabaseRestChecks.run(http, new SupabaseTarget(
                        settings.supabaseUrl(), settings.supabaseKey(), settings.schema(), settings.table(),
                        settings.userIdColumn(), settings.emailColumn())));
            }
        }
        out.print(report.render(new Colors(color.enabled(context, context.stdoutIsTerminal()))));
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
    }

    /** The settings with what is missing left null and reported; null when a given value is invalid. */
    private Settings loadSettings(CheckReport report) {
        String section = "Settings";
        LoadedSettings loaded;
        try {
            loaded = new SettingsLoader().loadAllowingMissing(files.sources(spec, context));
        } catch (ConfigException e) {
            e.warnings().forEach(w -> report.add(section, CheckLine.warn(w)));
            report.add(section, CheckLine.fail(e.getMessage()));
            return null;
        }
        Settings settings = loaded.settings();
        report.addAll(section, settingLines(settings));
        loaded.warnings().forEach(w -> report.add(section, CheckLine.warn(w)));
        return settings;
    }

    private static List<CheckLine> settingLines(Settings settings) {
        List<CheckLine> lines = new ArrayList<>();
        if (settings.hankoAdminUrl() == null) {
            lines.add(notSet(SettingKey.HANKO_ADMIN_URL));
        } else {
            lines.add(CheckLine.pass("Hanko admin URL " + settings.hankoAdminUrl() + ", " + (settings.hankoApiKey() == null
                    ? "no API key (a self-hosted admin API needs none)"
                    : "API key " + KeyRedaction.redact(settings.hankoApiKey()))));
        }
        String table = settings.schema() + "." + settings.table() + " (columns " + settings.userIdColumn() + ", "
                + settings.emailColumn() + ")";
        if (settings.targetsDatabase()) {
            lines.add(CheckLine.pass("target: the database of --database-url (password not shown), table " + table));
            return lines;
        }
        if (settings.supabaseUrl() == null) {
            lines.add(notSet(SettingKey.SUPABASE_URL));
        }
        if (settings.supabaseKey() == null) {
            lines.add(notSet(SettingKey.SUPABASE_KEY));
        }
        if (settings.supabaseUrl() != null && settings.supabaseKey() != null) {
            lines.add(CheckLine.pass("target: Supabase REST API at " + settings.supabaseUrl() + ", key "
                    + KeyRedaction.redact(settings.supabaseKey()) + ", table " + table));
        }
        return lines;
    }

    private static CheckLine notSet(SettingKey key) {
        List<String> ways = new ArrayList<>();
        key.environmentVariables().forEach(env -> ways.add("set " + env));
        ways.add("pass " + key.flag());
        ways.add("or put " + key.property() + " in the --config file");
        String hint = key == SettingKey.SUPABASE_KEY ? " (the service_role or secret key: Project Settings > API Keys)"
                : "";
        return CheckLine.fail(key.label() + " is not set: " + String.join(", ", ways) + hint);
    }

    private static HttpSettings httpSettings(Settings settings) {
        return new HttpSettings(settings.connectTimeout(), settings.readTimeout(), settings.callTimeout(),
                Math.min(settings.maxRetries(), RETRIES), HttpSettings.DEFAULT_BASE_BACKOFF,
                HttpSettings.DEFAULT_MAX_BACKOFF, "hanko-sync/" + VersionProvider.version());
    }

    private Consumer<String> requestLog() {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("http: " + line);
            err.flush();
        };
    }
}
