package dev.hankosync.cli;

import dev.hankosync.config.ConfigException;
import dev.hankosync.config.Settings;
import dev.hankosync.http.ApiException;
import dev.hankosync.postgres.DatabaseFacts;
import dev.hankosync.postgres.DatabaseInspection;
import dev.hankosync.postgres.DatabaseTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The target side of {@code check} with {@code --database-url}: the postgres package's catalog inspection (a
 * read-only connection), whose findings become check lines. A finding that stops the sync is ✗; one that only
 * weakens it (no unique constraint, row-level security in the way of delete) is a warning.
 */
final class DatabaseChecks {

    private DatabaseChecks() {}

    static List<CheckLine> run(Settings settings) {
        List<CheckLine> lines = new ArrayList<>();
        DatabaseFacts facts;
        try {
            facts = DatabaseInspection.inspect(ApiClients.databaseUrl(settings), new DatabaseTable(settings.schema(),
                    settings.table(), settings.userIdColumn(), settings.emailColumn()));
        } catch (ApiException | ConfigException e) {
            lines.add(CheckLine.fail(e.getMessage()));
            return lines;
        }
        for (DatabaseFacts.Check check : facts.checks()) {
            if (check.passed()) {
                lines.add(CheckLine.pass(check.text()));
            } else if (check.blocking()) {
                lines.add(CheckLine.fail(check.text()));
            } else {
                lines.add(CheckLine.warn(check.text()));
            }
        }
        return lines;
    }
}
