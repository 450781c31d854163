package dev.hankosync.sandbox;

import java.time.Instant;
import java.util.Objects;

/** A sandbox user's username; the admin API sends it as an object, not a string. */
public record HankoSandboxUsername(String id, String username, Instant createdAt, Instant updatedAt) {

    public HankoSandboxUsername {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
