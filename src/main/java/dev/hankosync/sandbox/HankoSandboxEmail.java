package dev.hankosync.sandbox;

import java.time.Instant;
import java.util.Objects;

/** An email address of a sandbox Hanko user, shaped like the admin API's email object. */
public record HankoSandboxEmail(String id, String address, boolean primary, boolean verified,
                                Instant createdAt, Instant updatedAt) {

    public HankoSandboxEmail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    HankoSandboxEmail withPrimary(boolean isPrimary, Instant now) {
        return isPrimary == primary ? this : new HankoSandboxEmail(id, address, isPrimary, verified, createdAt, now);
    }
}
