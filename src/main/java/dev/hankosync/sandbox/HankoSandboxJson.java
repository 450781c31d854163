package dev.hankosync.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Writes the admin API's JSON: the list's user objects and the {@code {"code","message"}} error body. */
final class HankoSandboxJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private HankoSandboxJson() {
    }

    /** A bare array of admin user objects; {@code emails} and {@code username} are omitted when empty. */
    static byte[] users(List<HankoSandboxUser> users) {
        return write(json -> {
            json.writeStartArray();
            for (HankoSandboxUser user : users) {
                writeUser(json, user);
            }
            json.writeEndArray();
        });
    }

    static byte[] error(int code, String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private static void writeUser(JsonGenerator json, HankoSandboxUser user) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", user.id());
        json.writeStringField("created_at", time(user.createdAt()));
        json.writeStringField("updated_at", time(user.updatedAt()));
        if (!user.emails().isEmpty()) {
            json.writeArrayFieldStart("emails");
            for (HankoSandboxEmail email : user.emails()) {
                json.writeStartObject();
                json.writeStringField("id", email.id());
                json.writeStringField("address", email.address());
                json.writeBooleanField("is_verified", email.verified());
                json.writeBooleanField("is_primary", email.primary());
                json.writeStringField("created_at", time(email.createdAt()));
                json.writeStringField("updated_at", time(email.updatedAt()));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (user.username() != null) {
            HankoSandboxUsername name = user.username();
            json.writeObjectFieldStart("username");
            json.writeStringField("id", name.id());
            json.writeStringField("username", name.username());
            json.writeStringField("created_at", time(name.createdAt()));
            json.writeStringField("updated_at", time(name.updatedAt()));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static String time(Instant instant) {
        return instant.toString();
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Go's JSON encoder ends the body with a newline; so does this. */
    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
