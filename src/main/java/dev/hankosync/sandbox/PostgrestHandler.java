package dev.hankosync.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The sandbox's gateway and REST layer for {@code /rest/v1/<table>}: applies the fault knobs, checks the key,
 * picks the schema from the profile headers, and hands the request to {@link PostgrestReads} or
 * {@link PostgrestWrites}.
 */
final class PostgrestHandler implements HttpHandler {

    private static final String PREFIX = "/rest/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupabaseSandboxKeys keys;
    private final SupabaseSandboxFaults faults;
    private final PgConnectionPool pool;
    private final IntSupplier maxRows;
    private final Set<String> exposedSchemas;

    PostgrestHandler(SupabaseSandboxKeys keys, SupabaseSandboxFaults faults, PgConnectionPool pool, IntSupplier maxRows,
                     Set<String> exposedSchemas) {
        this.keys = keys;
        this.faults = faults;
        this.pool = pool;
        this.maxRows = maxRows;
        this.exposedSchemas = exposedSchemas;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            byte[] body = exchange.getRequestBody().readAllBytes();
            SupabaseSandboxFaults.Failure failure = faults.onRequest(method);
            pause();
            if (failure != null && !failure.afterCommit()) {
                sendFailure(exchange, failure);
                return;
            }
            faults.beforeHandling(method);
            PostgrestResponse response;
            try {
                response = process(exchange, method, body);
            } catch (PostgrestException e) {
                response = error(e);
            } catch (RuntimeException e) {
                response = error(PostgrestException.of(500, "XX000", "sandbox failure: " + e));
            }
            if (failure != null && failure.breaksBody()) {
                sendHalf(exchange, response);
                return;
            }
            if (failure != null) {
                sendFailure(exchange, failure);
                return;
            }
            send(exchange, response, method.equals("HEAD"));
        }
    }

    private PostgrestResponse process(HttpExchange exchange, String method, byte[] body) throws PostgrestException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String table = rawPath.startsWith(PREFIX) ? URLDecoder.decode(rawPath.substring(PREFIX.length()).replace("+",
                "%2B"), StandardCharsets.UTF_8) : "";
        if (table.isEmpty() || table.contains("/")) {
            throw PostgrestException.of(404, "PGRST125", "Invalid path specified in request URL");
        }
        String role = keys.roleFor(exchange.getRequestHeaders().getFirst("apikey"),
                exchange.getRequestHeaders().getFirst("Authorization"));
        boolean reading = method.equals("GET") || method.equals("HEAD");
        String schema = exchange.getRequestHeaders().getFirst(reading ? "Accept-Profile" : "Content-Profile");
        if (schema == null || schema.isBlank()) {
            schema = "public";
        }
        if (!exposedSchemas.contains(schema)) {
            throw new PostgrestException(406, "PGRST106", "Invalid schema: " + schema, null,
                    "Only the following schemas are exposed: " + String.join(", ", exposedSchemas));
        }
        if (!role.equals(SupabaseSandboxKeys.SERVICE_ROLE)) {
            // The sandbox grants the anon role nothing; 42501 for an anonymous request is 401 in PostgREST.
            throw PostgrestException.of(401, "42501", "permission denied for table " + table);
        }
        PostgrestQuery query = PostgrestQuery.parse(exchange.getRequestURI().getRawQuery());
        PostgrestPrefer prefer = PostgrestPrefer.parse(exchange.getRequestHeaders().get("Prefer"));
        Connection connection = null;
        try {
            connection = pool.borrow();
            String tableName = table;
            String schemaName = schema;
            PgTable pgTable = PgTable.lookup(connection, schema, table).orElseThrow(() -> PostgrestException.of(404,
                    "PGRST205", "Could not find the table '" + schemaName + "." + tableName + "' in the schema cache"));
            return switch (method) {
                case "GET", "HEAD" -> PostgrestReads.read(connection, pgTable, query, prefer,
                        exchange.getRequestHeaders().getFirst("Range"), maxRows.getAsInt(), method.equals("HEAD"));
                case "POST" -> PostgrestWrites.insert(connection, pgTable, query, prefer, body);
                case "PATCH" -> PostgrestWrites.update(connection, pgTable, query, prefer, body);
                case "DELETE" -> PostgrestWrites.delete(connection, pgTable, query, prefer);
                default -> throw PostgrestException.of(405, "PGRST117", "Unsupported HTTP method: " + method);
            };
        } catch (SQLException e) {
            throw PostgrestException.fromSql(e);
        } finally {
            if (connection != null) {
                pool.release(connection);
            }
        }
    }

    private void pause() {
        long millis = faults.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** PostgREST's error shape; the gateway's own errors carry only message and hint. */
    private static PostgrestResponse error(PostgrestException e) {
        ObjectNode body = JSON.createObjectNode();
        if (e.code() != null) {
            body.put("code", e.code());
            body.put("details", e.details());
            body.put("hint", e.hint());
            body.put("message", e.getMessage());
        } else {
            body.put("message", e.getMessage());
            if (e.hint() != null) {
                body.put("hint", e.hint());
            }
        }
        PostgrestResponse response = PostgrestResponse.json(e.status(), body.toString());
        return e.code() == null ? response : response.withHeader("Proxy-Status", "PostgREST; error=" + e.code());
    }

    private static void sendFailure(HttpExchange exchange, SupabaseSandboxFaults.Failure failure) throws IOException {
        if (failure.dropsConnection()) {
            return; // closing the exchange before any header is sent closes the connection
        }
        String body = failure.body() != null ? failure.body()
                : "{\"message\":\"sandbox fault: HTTP " + failure.status() + "\"}";
        String start = body.stripLeading();
        String type = start.startsWith("<") ? "text/html; charset=utf-8"
                : start.startsWith("{") || start.startsWith("[") ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8";
        PostgrestResponse response = new PostgrestResponse(failure.status(), Map.of("Content-Type", type),
                body.getBytes(StandardCharsets.UTF_8));
        if (failure.retryAfterSeconds() != null) {
            response = response.withHeader("Retry-After", failure.retryAfterSeconds().toString());
        }
        send(exchange, response, false);
    }

    /**
     * Promises the whole body in {@code Content-Length}, sends half of it, and fails the exchange: the server then
     * closes the connection. (Closing the stream short is not enough: the server would keep the connection open and
     * the client would wait.) An answer without a body is cut before its headers.
     */
    private static void sendHalf(HttpExchange exchange, PostgrestResponse response) throws IOException {
        if (response.body().length < 2 || response.status() == 204) {
            return; // nothing to cut in half: closing before any header drops the connection
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length);
        OutputStream out = exchange.getResponseBody();
        out.write(response.body(), 0, response.body().length / 2);
        out.flush();
        throw new IOException("sandbox fault: connection dropped in the middle of the body");
    }


    private static void send(HttpExchange exchange, PostgrestResponse response, boolean head) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = head || response.body().length == 0 || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
