package dev.hankosync.sandbox;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's users, safe to change from a test thread while the server reads them. Enforces what Hanko's
 * database enforces (unique ids, addresses unique across users, lower-cased addresses, at most one primary), so
 * a test cannot build a world the real service could not hold.
 */
final class HankoSandboxStore {

    /** Where the sandbox's clock starts; each new user is one second younger than the youngest so far. */
    static final Instant EPOCH = Instant.parse("2024-03-01T09:00:00Z");

    private final Map<String, HankoSandboxUser> users = new LinkedHashMap<>();
    /** address → owning user id: keeps the uniqueness check O(1), so seeding a million users stays quick. */
    private final Map<String, String> addressOwners = new HashMap<>();
    /** The listed users ordered by created_at, rebuilt after a change; null when stale. */
    private List<HankoSandboxUser> listedByCreatedAt;
    private Instant latestCreatedAt = EPOCH.minusSeconds(1);
    private long bulkSequence;

    synchronized HankoSandboxUser add(HankoSandboxUser given) {
        HankoSandboxUser user = normalised(given);
        String id = user.id();
        if (users.containsKey(id)) {
            throw new IllegalArgumentException("a sandbox user with id " + id + " exists already");
        }
        for (HankoSandboxEmail email : user.emails()) {
            requireFreeAddress(email.address(), null);
        }
        if (user.emails().stream().filter(HankoSandboxEmail::primary).count() > 1) {
            throw new IllegalArgumentException("a user can have only one primary email");
        }
        if (user.createdAt().isAfter(latestCreatedAt)) {
            latestCreatedAt = user.createdAt();
        }
        users.put(id, user);
        user.emails().forEach(e -> addressOwners.put(e.address(), id));
        listedByCreatedAt = null;
        return user;
    }

    /** A new user with these addresses, the first one primary, created at {@code createdAt} or "now". */
    synchronized HankoSandboxUser addWithEmails(Instant createdAt, List<String> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("give at least one address (or use a username-only user)");
        }
        Instant at = createdAt == null ? nextCreatedAt() : createdAt;
        List<HankoSandboxEmail> emails = new ArrayList<>();
        for (String address : addresses) {
            emails.add(new HankoSandboxEmail(UUID.randomUUID().toString(), address.toLowerCase(Locale.ROOT),
                    emails.isEmpty(), true, at, at));
        }
        return add(new HankoSandboxUser(UUID.randomUUID().toString(), at, at, emails, null));
    }

    synchronized HankoSandboxUser addWithUsername(Instant createdAt, String username) {
        Instant at = createdAt == null ? nextCreatedAt() : createdAt;
        HankoSandboxUsername name = new HankoSandboxUsername(UUID.randomUUID().toString(),
                username.toLowerCase(Locale.ROOT), at, at);
        return add(new HankoSandboxUser(UUID.randomUUID().toString(), at, at, List.of(), name));
    }

    /** {@code count} users with one address each, all created at the same instant, as a bulk import makes them. */
    synchronized List<HankoSandboxUser> addSharingCreatedAt(int count, Instant createdAt) {
        List<HankoSandboxUser> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            added.add(addWithEmails(createdAt, List.of("bulk-" + (++bulkSequence) + "@import.example.com")));
        }
        return added;
    }

    synchronized boolean delete(String id) {
        HankoSandboxUser removed = users.remove(id.toLowerCase(Locale.ROOT));
        if (removed == null) {
            return false;
        }
        removed.emails().forEach(e -> addressOwners.remove(e.address()));
        listedByCreatedAt = null;
        return true;
    }

    /**
     * Makes {@code address} the user's primary email, adding it first when the user does not have it yet, as
     * a user who changes their address in the app does.
     */
    synchronized HankoSandboxUser changePrimaryEmail(String id, String address) {
        String key = id.toLowerCase(Locale.ROOT);
        HankoSandboxUser user = users.get(key);
        if (user == null) {
            throw new IllegalArgumentException("no sandbox user with id " + id);
        }
        String lower = address.toLowerCase(Locale.ROOT);
        requireFreeAddress(lower, key);
        Instant now = nextCreatedAt();
        List<HankoSandboxEmail> emails = new ArrayList<>();
        boolean present = false;
        for (HankoSandboxEmail email : user.emails()) {
            boolean target = email.address().equals(lower);
            present |= target;
            emails.add(email.withPrimary(target, now));
        }
        if (!present) {
            emails.add(new HankoSandboxEmail(UUID.randomUUID().toString(), lower, true, true, now, now));
        }
        HankoSandboxUser changed = new HankoSandboxUser(user.id(), user.createdAt(), now, emails, user.username());
        users.put(key, changed);
        addressOwners.put(lower, key);
        listedByCreatedAt = null;
        return changed;
    }

    synchronized Optional<HankoSandboxUser> find(String id) {
        return Optional.ofNullable(users.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * The users the list endpoint shows (those with an email or a username), ordered by created_at; users that
     * share a created_at keep insertion order here, and the query shuffles them per request.
     */
    synchronized List<HankoSandboxUser> listedByCreatedAt() {
        if (listedByCreatedAt == null) {
            List<HankoSandboxUser> listed = new ArrayList<>();
            for (HankoSandboxUser user : users.values()) {
                if (user.listed()) {
                    listed.add(user);
                }
            }
            listed.sort(Comparator.comparing(HankoSandboxUser::createdAt));
            listedByCreatedAt = Collections.unmodifiableList(listed);
        }
        return listedByCreatedAt;
    }

    /** Every user, listed or not, in insertion order. */
    synchronized List<HankoSandboxUser> snapshot() {
        return List.copyOf(users.values());
    }

    /** Hanko stores ids, addresses and usernames in lower case. */
    private static HankoSandboxUser normalised(HankoSandboxUser user) {
        List<HankoSandboxEmail> emails = new ArrayList<>();
        for (HankoSandboxEmail e : user.emails()) {
            emails.add(new HankoSandboxEmail(e.id().toLowerCase(Locale.ROOT), e.address().toLowerCase(Locale.ROOT),
                    e.primary(), e.verified(), e.createdAt(), e.updatedAt()));
        }
        HankoSandboxUsername name = user.username();
        if (name != null) {
            name = new HankoSandboxUsername(name.id().toLowerCase(Locale.ROOT),
                    name.username().toLowerCase(Locale.ROOT), name.createdAt(), name.updatedAt());
        }
        return new HankoSandboxUser(user.id().toLowerCase(Locale.ROOT), user.createdAt(), user.updatedAt(),
                emails, name);
    }

    private Instant nextCreatedAt() {
        latestCreatedAt = latestCreatedAt.plus(Duration.ofSeconds(1));
        return latestCreatedAt;
    }

    private void requireFreeAddress(String address, String exceptUserId) {
        String owner = addressOwners.get(address.toLowerCase(Locale.ROOT));
        if (owner != null && !owner.equals(exceptUserId)) {
            throw new IllegalArgumentException("the address " + address + " belongs to another user");
        }
    }
}
