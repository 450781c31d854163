package dev.hankosync.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small, fixed Hanko tenant for {@code hanko-sync demo} and the end-to-end tests, shaped like the admin API
 * spec's examples and holding each case the sync must get right. Ids are fixed so runs are repeatable.
 */
final class HankoSandboxSeed {

    private HankoSandboxSeed() {
    }

    /**
     * In creation order:
     * <ol>
     * <li>alice@example.com: one address (the spec's example user id)</li>
     * <li>bob@example.com: one address</li>
     * <li>carol: two addresses, the primary carol@example.com listed second</li>
     * <li>john_doe_123: username only, so the list has no {@code emails} key and the email to mirror is null</li>
     * <li>dave+newsletter@example.com: a {@code +} that must be percent-encoded in a query</li>
     * <li>erin@example.org: an address and a username</li>
     * <li>frank, grace, heidi @example.net: a bulk import sharing one created_at</li>
     * </ol>
     */
    static List<HankoSandboxUser> demoUsers() {
        List<HankoSandboxUser> users = new ArrayList<>();
        Instant t = Instant.parse("2024-03-01T09:00:00Z");
        users.add(withEmails("c339547d-e17d-4ba7-8a1d-b3d5a4d17c1c", t, "alice@example.com"));
        users.add(withEmails(id("bob"), t.plusSeconds(3_600), "bob@example.com"));
        Instant carolAt = t.plusSeconds(7_200);
        users.add(new HankoSandboxUser(id("carol"), carolAt, carolAt.plusSeconds(86_400), List.of(
                email("carol-old", "carol@old-company.example", false, carolAt),
                email("carol-new", "carol@example.com", true, carolAt.plusSeconds(86_400))), null));
        Instant johnAt = t.plusSeconds(10_800);
        users.add(new HankoSandboxUser(id("john"), johnAt, johnAt, List.of(),
                new HankoSandboxUsername(id("john-username"), "john_doe_123", johnAt, johnAt)));
        users.add(withEmails(id("dave"), t.plusSeconds(14_400), "dave+newsletter@example.com"));
        Instant erinAt = t.plusSeconds(18_000);
        users.add(new HankoSandboxUser(id("erin"), erinAt, erinAt,
                List.of(email("erin-email", "erin@example.org", true, erinAt)),
                new HankoSandboxUsername(id("erin-username"), "erin", erinAt, erinAt)));
        Instant importAt = t.plusSeconds(86_400);
        for (String name : List.of("frank", "grace", "heidi")) {
            users.add(withEmails(id(name), importAt, name + "@example.net"));
        }
        return users;
    }

    private static HankoSandboxUser withEmails(String id, Instant at, String address) {
        return new HankoSandboxUser(id, at, at, List.of(email(id + "-email", address, true, at)), null);
    }

    private static HankoSandboxEmail email(String seed, String address, boolean primary, Instant at) {
        return new HankoSandboxEmail(id(seed), address, primary, true, at, at);
    }

    private static String id(String seed) {
        return UUID.nameUUIDFromBytes(("hanko-sync demo " + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
