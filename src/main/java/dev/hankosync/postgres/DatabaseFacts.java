package dev.hankosync.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code hanko-sync check} reports about the database target, gathered by {@link DatabaseInspection}.
 *
 * @param server            where: {@code user@host:port/database} (no password)
 * @param serverVersion     {@code server_version}, e.g. {@code 15.8}
 * @param role              {@code current_user} (through Supabase's pooler {@code postgres.<ref>} logs in as
 *                          {@code postgres})
 * @param table             the target table as messages name it, e.g. {@code public.users}
 * @param tableExists       whether the schema has a table (or view) of that name
 * @param columns           its columns in table order; empty when it does not exist
 * @param missingColumns    which of {@code id}, the user id column and the email column it lacks
 * @param userIdColumn      the user id column's name
 * @param uniqueKey         the unique constraint (or index) on the user id column, null when there is none
 * @param uniqueKeySql      the statement that adds one
 * @param rowSecurity       whether row-level security is enabled on the table
 * @param rowSecurityBypass why the role is not subject to it ("superuser", "BYPASSRLS", "table owner"), or null
 * @param missingPrivileges which of select, insert, update, delete the role lacks on the columns the sync uses
 * @param grantSql          the statement that grants the missing ones, null when none is missing
 */
public record DatabaseFacts(String server, String serverVersion, String role, String table, boolean tableExists,
                            List<Column> columns, List<String> missingColumns, String userIdColumn, String uniqueKey,
                            String uniqueKeySql, boolean rowSecurity, String rowSecurityBypass,
                            Set<String> missingPrivileges, String grantSql) {

    /** The privileges the sync uses, in the order they are reported. */
    public static final List<String> PRIVILEGES = List.of("select", "insert", "update", "delete");

    /** One column: name, type as PostgreSQL prints it, and whether it is NOT NULL. */
    public record Column(String name, String type, boolean notNull) {
        @Override
        public String toString() {
            return name + " " + type + (notNull ? " not null" : "");
        }
    }

    /**
     * One line of the report.
     *
     * @param passed   ✓ or ✗
     * @param blocking whether a sync cannot work while this fails (a missing unique constraint, say, only weakens it)
     */
    public record Check(boolean passed, boolean blocking, String text) {
        public String line() {
            return (passed ? "✓ " : "✗ ") + text;
        }
    }

    public DatabaseFacts {
        columns = List.copyOf(columns);
        missingColumns = List.copyOf(missingColumns);
        missingPrivileges = Set.copyOf(missingPrivileges);
    }

    /** Every check, in report order. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(true, false, "PostgreSQL " + serverVersion + " at " + server + ", role " + role));
        if (!tableExists) {
            checks.add(new Check(false, true, "table " + table + " does not exist: create it as in Hanko's Supabase"
                    + " guide, or pass --schema / --table"));
            return checks;
        }
        checks.add(new Check(true, false, "table " + table + ": " + columns.stream().map(Column::toString)
                .collect(Collectors.joining(", "))));
        if (!missingColumns.isEmpty()) {
            checks.add(new Check(false, true, "table " + table + " lacks column " + String.join(", ", missingColumns)
                    + ": pass --user-id-column / --email-column (the id primary key is required)"));
        }
        checks.add(uniqueKey != null
                ? new Check(true, false, "unique constraint " + uniqueKey + " on " + userIdColumn
                        + ": inserts skip users the app's sign-in route inserted first")
                : new Check(false, false, "no unique constraint on " + userIdColumn + ": a user signing in while"
                        + " the sync inserts them can end up twice; add it with: " + uniqueKeySql));
        checks.add(rowSecurityCheck());
        checks.add(privilegeCheck());
        return checks;
    }

    /** {@link #checks()} as {@code ✓ ...} / {@code ✗ ...} lines. */
    public List<String> lines() {
        return checks().stream().map(Check::line).toList();
    }

    /** Whether a sync can run against this table: no blocking check failed. */
    public boolean usable() {
        return checks().stream().noneMatch(check -> check.blocking() && !check.passed());
    }

    private Check rowSecurityCheck() {
        if (!rowSecurity) {
            return new Check(true, false, "row-level security is off for " + table);
        }
        if (rowSecurityBypass != null) {
            return new Check(true, false, "row-level security is on for " + table + "; role " + role
                    + " bypasses it (" + rowSecurityBypass + ")");
        }
        return new Check(false, false, "row-level security is on for " + table + " and role " + role + " does not"
                + " bypass it: its policies decide which rows the sync sees and may write");
    }

    private Check privilegeCheck() {
        if (missingPrivileges.isEmpty()) {
            return new Check(true, false, "role " + role + " may " + String.join(", ", PRIVILEGES) + " on " + table);
        }
        List<String> missing = PRIVILEGES.stream().filter(missingPrivileges::contains).toList();
        String grant = "run as the table's owner: " + grantSql;
        if (missing.equals(List.of("delete"))) {
            return new Check(false, false, "role " + role + " may not delete from " + table + " (needed only with"
                    + " --delete-missing): " + grant);
        }
        return new Check(false, true, "role " + role + " lacks " + String.join(", ", missing) + " on " + table
                + ": " + grant);
    }
}
