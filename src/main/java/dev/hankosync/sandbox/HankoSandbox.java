package dev.hankosync.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for Hanko's admin API on 127.0.0.1, for {@code hanko-sync demo} and end-to-end tests. It answers
 * {@code GET /users} as the reference notes describe Hanko's code: a bare JSON array, {@code X-Total-Count} and
 * {@code Link} headers, order by created_at only (users sharing a created_at come back in a fresh random order on
 * every request), Hanko's 400 and 401 bodies. Fault knobs add latency, failures with {@code Retry-After}, and
 * changes in the middle of a scan.
 *
 * <pre>{@code
 * try (HankoSandbox hanko = HankoSandbox.start()) {
 *     hanko.seedDemo();
 *     new HankoAdminClient(http, hanko.baseUrl(), null).page(1, 100);
 * }
 * }</pre>
 */
public final class HankoSandbox implements AutoCloseable {

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final HankoSandboxStore store = new HankoSandboxStore();
    private final HankoSandboxFaults faults = new HankoSandboxFaults();
    private final Random random = new Random();
    private volatile String apiKey;

    private HankoSandbox(String apiKey) throws IOException {
        this.apiKey = blankToNull(apiKey);
        this.server = LoopbackHttpServer.create(0);
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "hanko-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A sandbox without authentication, like a self-hosted admin API. */
    public static HankoSandbox start() throws IOException {
        return new HankoSandbox(null);
    }

    /** A sandbox that, like Hanko Cloud, wants {@code Authorization: Bearer <apiKey>} (none when null). */
    public static HankoSandbox start(String apiKey) throws IOException {
        return new HankoSandbox(apiKey);
    }

    /** {@code http://127.0.0.1:<port>}: the admin base URL to configure (no {@code /admin}, like self-hosted). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Changes (or with null removes) the API key the sandbox demands from now on. */
    public void setApiKey(String apiKeyOrNull) {
        apiKey = blankToNull(apiKeyOrNull);
    }

    // ---- users ----

    /** Adds the users of a small fixed demo tenant and returns them; see {@link HankoSandboxSeed#demoUsers()}. */
    public List<HankoSandboxUser> seedDemo() {
        List<HankoSandboxUser> users = HankoSandboxSeed.demoUsers();
        users.forEach(store::add);
        return users;
    }

    /** A new user with these addresses (the first is primary), created one second after the youngest user. */
    public HankoSandboxUser addUser(String... addresses) {
        return store.addWithEmails(null, Arrays.asList(addresses));
    }

    /** A new user with these addresses (the first is primary), created at {@code createdAt}. */
    public HankoSandboxUser addUserCreatedAt(Instant createdAt, String... addresses) {
        return store.addWithEmails(createdAt, Arrays.asList(addresses));
    }

    /** A new user with a username and no email (the list then has no {@code emails} key for it). */
    public HankoSandboxUser addUsernameUser(String username) {
        return store.addWithUsername(null, username);
    }

    /** Adds a user exactly as given (ids, times, emails, even none marked primary); ids and addresses lower-cased. */
    public HankoSandboxUser addUser(HankoSandboxUser user) {
        return store.add(user);
    }

    /** {@code count} users with one address each ({@code bulk-<n>@import.example.com}), all created at one instant. */
    public List<HankoSandboxUser> addUsersSharingCreatedAt(int count, Instant createdAt) {
        return store.addSharingCreatedAt(count, createdAt);
    }

    /** @return whether the user existed */
    public boolean deleteUser(String id) {
        return store.delete(id);
    }

    /** Makes {@code address} the user's primary email, adding it to the user when it is new. */
    public HankoSandboxUser changePrimaryEmail(String userId, String address) {
        return store.changePrimaryEmail(userId, address);
    }

    public Optional<HankoSandboxUser> user(String id) {
        return store.find(id);
    }

    /** Every user, including ones the list leaves out (no email and no username), in insertion order. */
    public List<HankoSandboxUser> users() {
        return store.snapshot();
    }

    /** The users {@code GET /users} returns and counts. */
    public List<HankoSandboxUser> listedUsers() {
        return store.listedByCreatedAt();
    }

    // ---- fault knobs and counters ----

    /** Every request waits this long before it is answered. */
    public void setLatency(Duration latency) {
        faults.setLatency(latency);
    }

    /** From now on, every {@code n}-th request (any path) is answered with {@code status} instead. */
    public void failEveryNthRequest(int n, int status) {
        failEveryNthRequest(n, status, null);
    }

    /** As {@link #failEveryNthRequest(int, int)}, with a {@code Retry-After} header (seconds or an HTTP date). */
    public void failEveryNthRequest(int n, int status, String retryAfter) {
        faults.failEvery(n, new HankoSandboxFaults.Failure(HankoSandboxFaults.Kind.STATUS, status, retryAfter, null));
    }

    /**
     * From now on, every {@code n}-th request (any path) is answered with this status and body verbatim: a CDN's
     * HTML page, a proxy's plain text, JSON that is cut off or shaped wrong. The content type follows the body's
     * first character ({@code <} HTML, <code>{</code> or {@code [} JSON, else plain text).
     */
    public void answerEveryNthRequest(int n, int status, String body) {
        faults.failEvery(n, new HankoSandboxFaults.Failure(HankoSandboxFaults.Kind.BODY, status, null, body));
    }

    /**
     * From now on, every {@code n}-th list request gets its real answer, but the connection closes after half of
     * the body, although {@code Content-Length} promised all of it.
     */
    public void breakEveryNthAnswer(int n) {
        faults.failEvery(n, new HankoSandboxFaults.Failure(HankoSandboxFaults.Kind.BROKEN_BODY, 200, null, null));
    }

    /**
     * From now on the list sends {@code X-Total-Count: text} (a wrong count, or something that is no number at
     * all) instead of the true count; with null it sends no such header.
     */
    public void replaceTotalCount(String textOrNull) {
        faults.replaceTotalCount(textOrNull);
    }

    /** The list sends the true {@code X-Total-Count} again. */
    public void restoreTotalCount() {
        faults.restoreTotalCount();
    }

    /** Removes every failure knob set with the methods above (latency, hooks and count replacement stay). */
    public void clearFailures() {
        faults.clearFailures();
    }

    /**
     * Runs {@code action} once, right after the {@code k}-th successful {@code GET /users} from now has been
     * computed and before it is sent, so the client's next request already sees the change (a user deleted or
     * added in the middle of a scan).
     */
    public void afterListRequest(int k, Runnable action) {
        faults.afterListAnswers(k, action);
    }

    /** All requests received so far, failed and rejected ones included. */
    public int requestCount() {
        return faults.total();
    }

    /** Requests received for one raw path, e.g. {@code "/users"}. */
    public int requestCount(String path) {
        return faults.forPath(path);
    }

    /** Each request received so far as {@code "METHOD /raw/path?raw=query"}, in arrival order. */
    public List<String> requests() {
        return faults.requestLines();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            faults.record(method, path, exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            exchange.getRequestBody().readAllBytes();
            pause(faults.latency());

            HankoSandboxFaults.Failure failure = faults.nextFailure();
            boolean breakBody = failure != null && failure.kind() == HankoSandboxFaults.Kind.BROKEN_BODY;
            if (failure != null && !breakBody) {
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
                }
                if (failure.kind() == HankoSandboxFaults.Kind.BODY) {
                    sendVerbatim(exchange, failure.status(), failure.body());
                } else {
                    sendError(exchange, failure.status(), reasonPhrase(failure.status()));
                }
                return;
            }
            if (!authorized(exchange)) {
                sendError(exchange, 401, "Unauthorized");
                return;
            }
            if (!path.equals("/users")) {
                sendError(exchange, 404, "Not Found");
                return;
            }
            if (!method.equals("GET")) {
                sendError(exchange, 405, "Method Not Allowed");
                return;
            }
            listUsers(exchange, breakBody);
        } catch (RuntimeException e) {
            sendError(exchange, 500, "Internal Server Error");
        }
    }

    private void listUsers(HttpExchange exchange, boolean breakBody) throws IOException {
        Map<String, List<String>> params = HankoSandboxQueryString.parse(exchange.getRequestURI().getRawQuery());
        HankoSandboxListRequest request;
        try {
            request = HankoSandboxListRequest.parse(params);
        } catch (HankoSandboxBadRequest e) {
            sendError(exchange, 400, e.getMessage());
            return;
        }
        HankoSandboxUserQuery.Result result = HankoSandboxUserQuery.run(request, store, random);
        String host = exchange.getRequestHeaders().getFirst("Host");
        String base = "http://" + (host == null ? "127.0.0.1:" + server.getAddress().getPort() : host)
                + exchange.getRequestURI().getRawPath();
        exchange.getResponseHeaders().set("Link",
                HankoSandboxLinks.header(base, params, result.total(), request.page(), request.perPage()));
        String totalCount = faults.totalCountHeader(result.total());
        if (totalCount != null) {
            exchange.getResponseHeaders().set("X-Total-Count", totalCount);
        }
        byte[] body = HankoSandboxJson.users(result.page());
        Runnable hook = faults.listAnswered();
        if (hook != null) {
            hook.run();
        }
        if (breakBody) {
            sendHalf(exchange, body);
        } else {
            send(exchange, 200, body);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String key = apiKey;
        if (key == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(
                header.getBytes(StandardCharsets.UTF_8), ("Bearer " + key).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, HankoSandboxJson.error(status, message));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sendVerbatim(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String start = body.stripLeading();
        exchange.getResponseHeaders().set("Content-Type", start.startsWith("<") ? "text/html; charset=utf-8"
                : start.startsWith("{") || start.startsWith("[") ? "application/json" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Promises the whole body in {@code Content-Length}, sends half of it, and fails the exchange: the server then
     * closes the connection, which is what a client sees when a proxy or the network fails mid-answer. (Closing the
     * stream short is not enough: the server would keep the connection open and the client would wait.)
     */
    private static void sendHalf(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new IOException("sandbox fault: connection dropped in the middle of the body");
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reasonPhrase(int status) {
        switch (status) {
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Error";
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
