package dev.hankosync.sandbox;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * An error answer of the sandbox's REST layer, shaped like PostgREST's {@code {"code","message","details","hint"}}
 * (or, for the gateway's own errors, without a code).
 */
final class PostgrestException extends Exception {

    private final int status;
    private final String code;
    private final String details;
    private final String hint;

    PostgrestException(int status, String code, String message, String details, String hint) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    static PostgrestException of(int status, String code, String message) {
        return new PostgrestException(status, code, message, null, null);
    }

    /** PGRST100: the query string does not parse. */
    static PostgrestException badQuery(String message, String details) {
        return new PostgrestException(400, "PGRST100", message, details, null);
    }

    /** PGRST102: the body is not what PostgREST accepts. */
    static PostgrestException badBody(String message) {
        return new PostgrestException(400, "PGRST102", message, null, null);
    }

    /** PGRST204: a payload or columns= key that is not a column. */
    static PostgrestException unknownPayloadColumn(String column, String table) {
        return new PostgrestException(400, "PGRST204",
                "Could not find the '" + column + "' column of '" + table + "' in the schema cache", null, null);
    }

    /** 42703: a filter, select or order column that is not a column. */
    static PostgrestException unknownColumn(String column, String table) {
        return new PostgrestException(400, "42703", "column " + table + "." + column + " does not exist", null, null);
    }

    /** A database error, with the HTTP status PostgREST gives its SQLSTATE. */
    static PostgrestException fromSql(SQLException e) {
        String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
        String message = e.getMessage();
        String details = null;
        String hint = null;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            message = server.getMessage();
            details = server.getDetail();
            hint = server.getHint();
        }
        return new PostgrestException(statusFor(state), state, message, details, hint);
    }

    /** PostgREST's SQLSTATE to HTTP table (the part that matters here); anything else is 400. */
    static int statusFor(String sqlState) {
        switch (sqlState) {
            case "23505", "23503" -> {
                return 409;
            }
            case "42501" -> {
                return 403; // the sandbox only lets privileged roles reach the database
            }
            case "42P01", "42883" -> {
                return 404;
            }
            case "57014", "53400" -> {
                return 500;
            }
            default -> {
                if (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.equals("57P01")) {
                    return 503;
                }
                if (sqlState.startsWith("40") || sqlState.startsWith("XX")) {
                    return 500;
                }
                return 400;
            }
        }
    }

    int status() {
        return status;
    }

    /** Null for the gateway's own errors ("No API key found in request"), which have no code. */
    String code() {
        return code;
    }

    String details() {
        return details;
    }

    String hint() {
        return hint;
    }
}
