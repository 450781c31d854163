package dev.hankosync.supabase;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON body that OkHttp must not send twice. By default OkHttp silently repeats a request, POSTs included, when
 * the connection fails after the request went out ({@code retryOnConnectionFailure}); for a plain insert that
 * could write the rows twice. A one-shot body still lets OkHttp retry when nothing was sent yet.
 */
final class OneShotJsonBody extends RequestBody {

    private static final MediaType JSON = MediaType.get("application/json");

    private final byte[] json;

    OneShotJsonBody(byte[] json) {
        this.json = json;
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return json.length;
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(json);
    }
}
