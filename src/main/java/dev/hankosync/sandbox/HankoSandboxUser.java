package dev.hankosync.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user held by {@link HankoSandbox}, with what the admin list returns about it.
 *
 * @param emails   in the order the list sends them (the primary need not be first); may be empty
 * @param username null for a user without one
 */
public record HankoSandboxUser(String id, Instant createdAt, Instant updatedAt,
                               List<HankoSandboxEmail> emails, HankoSandboxUsername username) {

    public HankoSandboxUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        emails = List.copyOf(emails);
    }

    /** What the sync should mirror: the primary address, else the first, else null. */
    public String expectedEmail() {
        return emails.stream().filter(HankoSandboxEmail::primary).map(HankoSandboxEmail::address).findFirst()
                .orElse(emails.isEmpty() ? null : emails.get(0).address());
    }

    /** Hanko's list (and its count) leaves out users with neither an email nor a username. */
    public boolean listed() {
        return !emails.isEmpty() || username != null;
    }
}
