package dev.hankosync.http;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reports one line per try for {@code --verbose}: method, path, status and duration, e.g.
 * {@code GET /admin/users -> 200 (84 ms)}. The query string is left out (it holds user ids and emails)
 * and so is every header value (they hold keys).
 */
public final class RequestLogger implements Interceptor {

    private final Consumer<String> sink;

    public RequestLogger(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String what = request.method() + " " + request.url().encodedPath();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            sink.accept(what + " -> " + response.code() + " (" + millisSince(start) + " ms)");
            return response;
        } catch (IOException e) {
            // the class name only: an exception message may quote a URL with its query
            sink.accept(what + " -> failed: " + e.getClass().getSimpleName() + " (" + millisSince(start) + " ms)");
            throw e;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
