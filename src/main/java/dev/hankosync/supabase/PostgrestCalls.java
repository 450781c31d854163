package dev.hankosync.supabase;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hankosync.http.BodyBrokeOffException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends one request to the REST layer with the right key headers and schema profile, and turns every failure into
 * {@code ApiException} (or {@link RowsRejectedException} for writes the database refused).
 */
final class PostgrestCalls {

    private static final long ERROR_BODY_LIMIT = 64 * 1024;

    /** Reads a successful response; JSON errors become an {@code ApiException} naming the call. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    private final OkHttpClient http;
    private final SupabaseTarget target;
    private final SupabaseErrors errors;

    PostgrestCalls(OkHttpClient http, SupabaseTarget target, SupabaseErrors errors) {
        this.http = http;
        this.target = target;
        this.errors = errors;
    }

    /** A GET (or HEAD) of {@code url}; the schema goes in {@code Accept-Profile}. */
    Request.Builder reading(HttpUrl url) {
        Request.Builder builder = authorized(url);
        if (!SupabaseTarget.DEFAULT_SCHEMA.equals(target.schema())) {
            builder.header("Accept-Profile", target.schema());
        }
        return builder;
    }

    /** A POST, PATCH or DELETE of {@code url}; the schema goes in {@code Content-Profile}. */
    Request.Builder writing(HttpUrl url) {
        Request.Builder builder = authorized(url);
        if (!SupabaseTarget.DEFAULT_SCHEMA.equals(target.schema())) {
            builder.header("Content-Profile", target.schema());
        }
        return builder;
    }

    /**
     * @param write whether a 400/409 with a data-error SQLSTATE means "rows rejected" rather than a failed call
     */
    <T> T execute(Request request, boolean write, BodyReader<T> reader) {
        String method = request.method();
        HttpUrl url = request.url();
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (BodyBrokeOffException e) {
            // a retryable request's body is read whole by the retry interceptor, so it broke off on the last try
            throw errors.brokenBody(method, url, e.status(), e);
        } catch (IOException e) {
            throw errors.unreachable(method, url, e);
        }
        try (response) {
            if (!response.isSuccessful()) {
                PostgrestError error = PostgrestError.parse(errorBody(method, url, response));
                if (write && SupabaseErrors.isRowRejection(response.code(), error.code())) {
                    throw errors.rejected(error);
                }
                throw errors.forResponse(method, url, response.code(), error);
            }
            try {
                return reader.read(response);
            } catch (JsonProcessingException e) {
                throw errors.invalidJson(method, url, response.code(), e);
            }
        } catch (IOException e) {
            // the status line came, the body did not: for a write, whatever it did is unknown
            throw errors.brokenBody(method, url, response.code(), e);
        }
    }

    /**
     * The error body, read in full (64 KiB at most). One that breaks off leaves the error unknown (a 400 might have
     * been 42P10, which changes what to do next), so it counts as a failed exchange, like a lost connection.
     */
    private String errorBody(String method, HttpUrl url, Response response) {
        try {
            return response.peekBody(ERROR_BODY_LIMIT).string();
        } catch (IOException e) {
            throw errors.brokenErrorBody(method, url, response.code(), e);
        }
    }

    private Request.Builder authorized(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url)
                .header("apikey", target.key())
                .header("Accept", "application/json");
        if (target.sendsBearer()) {
            // The gateway checks apikey; PostgREST takes its role from the bearer token, and without one the
            // request would run as anon.
            builder.header("Authorization", "Bearer " + target.key());
        }
        return builder;
    }
}
