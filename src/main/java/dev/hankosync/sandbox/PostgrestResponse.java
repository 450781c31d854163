package dev.hankosync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers, built before anything is sent so a fault can still replace it. */
record PostgrestResponse(int status, Map<String, String> headers, byte[] body) {

    static PostgrestResponse json(int status, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new PostgrestResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static PostgrestResponse empty(int status) {
        return new PostgrestResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    PostgrestResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new PostgrestResponse(status, copy, body);
    }
}
