package dev.hankosync.postgres;

import dev.hankosync.http.ApiException;
import dev.hankosync.supabase.RowsRejectedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a {@link SQLException} into what the sync engine understands: {@link RowsRejectedException} when the
 * database refused the data (the engine isolates the bad rows), otherwise an {@link ApiException} whose one-line
 * message says what to fix. Branches on SQLSTATE only; every message goes through {@link DatabaseUrl#redact}.
 */
final class DatabaseErrors {

    /** The name {@link ApiException#api()} carries: the database is the Supabase project's. */
    static final String API = "Supabase";

    /**
     * SQLSTATE classes that mean "the data was refused", as in REST mode: 22 data exception, 23 integrity
     * constraint, 44 check option of a view, P0 raised by a trigger.
     */
    private static final Set<String> REJECTING_CLASSES = Set.of("22", "23", "44", "P0");
    private static final Pattern SUPABASE_DIRECT_HOST = Pattern.compile("db\\.[a-z0-9]+\\.supabase\\.co",
            Pattern.CASE_INSENSITIVE);

    private final DatabaseUrl url;
    private final DatabaseTable table;

    DatabaseErrors(DatabaseUrl url, DatabaseTable table) {
        this.url = url;
        this.table = table;
    }

    /** Whether the statement failed because of the rows it carried. */
    static boolean isRowRejection(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() == 5 && REJECTING_CLASSES.contains(state.substring(0, 2));
    }

    RowsRejectedException rejected(SQLException e) {
        return new RowsRejectedException(e.getSQLState(), url.redact(serverText(e)));
    }

    /** Opening the connection failed. */
    ApiException cannotConnect(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "PostgreSQL at " + url.displayName();
        String text = serverText(e);
        String message;
        if (state.equals("28P01")) {
            message = where + " rejected the password of user " + url.user() + ": check the password in the"
                    + " database URL or PGPASSWORD (Supabase dashboard: Project Settings > Database)";
        } else if (state.startsWith("28")) {
            message = where + " refused user " + url.user() + ": " + text;
        } else if (state.equals("3D000")) {
            message = where + ": database " + url.database() + " does not exist (on Supabase it is postgres)";
        } else if (text.contains("Tenant or user not found")) {
            message = where + ": the pooler does not know user " + url.user() + "; through Supabase's pooler the"
                    + " user is postgres.<project-ref>, as the dashboard's connection string shows";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "cannot connect to " + where + ": " + text + connectHint(e);
        } else {
            message = where + " refused the connection (" + state + "): " + text;
        }
        return new ApiException(API, url.redact(message), e);
    }

    /** A read (catalog or rows) failed. */
    ApiException readFailed(SQLException e, String what) {
        return new ApiException(API, url.redact(describe(e, what)), e);
    }

    /** A write failed for a reason other than its rows (those are {@link #rejected}). */
    ApiException writeFailed(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message;
        if (state.equals("25006")) {
            message = "PostgreSQL refused " + what + " on " + table.displayName() + ": the connection is read-only"
                    + " (a dry run opens it read-only; otherwise the server is a read replica)";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "lost the connection to PostgreSQL at " + url.displayName() + " while " + what + " on "
                    + table.displayName() + "; that write may or may not have committed, run again to finish: "
                    + serverText(e);
        } else {
            message = describe(e, what);
        }
        return new ApiException(API, url.redact(message), e);
    }

    ApiException tableMissing() {
        return new ApiException(API, -1, "42P01", "PostgreSQL at " + url.displayName() + " has no table "
                + table.displayName() + ". Create it (see Hanko's Supabase guide) or pass --table / --schema");
    }

    ApiException columnMissing(String column) {
        String hint = column.equals(DatabaseTable.ROW_ID_COLUMN)
                ? "; hanko-sync needs the guide's id primary key for paging and row filters"
                : ". Pass --user-id-column / --email-column";
        return new ApiException(API, -1, "42703", "column " + column + " does not exist in table "
                + table.displayName() + " at " + url.displayName() + hint);
    }

    private String describe(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = serverText(e);
        String on = " " + what + " on " + table.displayName() + " at " + url.displayName();
        return switch (state) {
            case "42501" -> "PostgreSQL permission denied while" + on + " (" + text + "). The role " + url.user()
                    + " needs select, insert, update and delete on the table; `hanko-sync check` lists what it has";
            case "42P01" -> "PostgreSQL has no table " + table.displayName() + " (" + text + ")";
            case "42703" -> "PostgreSQL column missing while" + on + " (" + text + ")"
                    + ". Pass --user-id-column / --email-column";
            case "57014" -> "PostgreSQL cancelled the statement while" + on + " (" + text + ")";
            default -> state.startsWith("08") || state.isEmpty()
                    ? "lost the connection to PostgreSQL while" + on + ": " + text
                    : "PostgreSQL error " + state + " while" + on + ": " + text;
        };
    }

    /** The server's own message with its detail, or the driver's message when the server sent none. */
    private static String serverText(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            String message = server.getMessage() == null ? "" : server.getMessage();
            return server.getDetail() == null ? message : message + " (" + server.getDetail() + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("[\\r\\n]+", " ").strip();
    }

    private String connectHint(SQLException e) {
        Throwable cause = e.getCause();
        boolean unreachable = cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof ConnectException || cause instanceof SocketTimeoutException;
        if (unreachable && SUPABASE_DIRECT_HOST.matcher(url.host()).matches()) {
            return ". The direct host db.<ref>.supabase.co has only an IPv6 address unless the project has the IPv4"
                    + " add-on; from a network without IPv6 use the session pooler (dashboard: Connect > Session"
                    + " pooler, port 5432)";
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("SSL") && "require".equals(url.parameter("sslmode"))) {
            return ". hanko-sync asks for TLS (sslmode=require) on remote hosts; add sslmode=disable to the URL only"
                    + " for a server on a trusted network";
        }
        return "";
    }
}
