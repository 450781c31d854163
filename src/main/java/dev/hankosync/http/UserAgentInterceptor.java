package dev.hankosync.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Puts the tool's {@code User-Agent} on every request, so API operators can tell its traffic apart. */
public final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    public UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
