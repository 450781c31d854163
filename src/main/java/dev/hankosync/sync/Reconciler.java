package dev.hankosync.sync;

import dev.hankosync.supabase.NewRow;
import dev.hankosync.supabase.TableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, from the Hanko users and the table's rows, what each needs. A pure function: no I/O, no clock, so
 * the rules of the contract are tested here directly.
 *
 * <p>The caller must only pass rows as candidates for {@code missing} once their user ids were confirmed absent
 * from Hanko: every row whose user id is not a key of {@code users} is reported missing.
 */
public final class Reconciler {

    private Reconciler() {}

    /**
     * The rule for one Hanko user, given how many rows carry its id and whether the one row's email is the
     * user's: no row → created, several → duplicate (left alone), one → unchanged or updated.
     */
    public static Action decide(int rowsOfUser, boolean emailMatches) {
        if (rowsOfUser == 0) {
            return Action.CREATED;
        }
        if (rowsOfUser > 1) {
            return Action.DUPLICATE;
        }
        return emailMatches ? Action.UNCHANGED : Action.UPDATED;
    }

    /**
     * Hanko sends user ids as lower-case UUIDs; a row written by hand or by another tool may hold the same id in
     * upper case, and is still that user's row.
     */
    public static String canonicalId(String userId) {
        return userId == null ? null : userId.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param users         Hanko user id → email (null for username-only users)
     * @param rows          every row of the table
     * @param keepUnchanged whether to keep the unchanged rows themselves (for {@code --list-unchanged})
     */
    public static Plan reconcile(Map<String, String> users, List<TableRow> rows, boolean keepUnchanged) {
        Map<String, List<TableRow>> rowsByUser = new HashMap<>();
        List<TableRow> missing = new ArrayList<>();
        for (TableRow row : rows) {
            String userId = canonicalId(row.userId());
            if (userId != null && users.containsKey(userId)) {
                rowsByUser.computeIfAbsent(userId, k -> new ArrayList<>(1)).add(row);
            } else {
                missing.add(row);
            }
        }

        List<NewRow> creates = new ArrayList<>();
        List<Plan.Update> updates = new ArrayList<>();
        List<TableRow> unchanged = new ArrayList<>();
        List<Plan.Duplicate> duplicates = new ArrayList<>();
        long unchangedCount = 0;
        for (Map.Entry<String, String> user : users.entrySet()) {
            String userId = user.getKey();
            String email = user.getValue();
            List<TableRow> own = rowsByUser.getOrDefault(userId, List.of());
            boolean same = own.size() == 1 && Objects.equals(own.get(0).email(), email);
            switch (decide(own.size(), same)) {
                case CREATED -> creates.add(new NewRow(userId, email));
                case DUPLICATE -> duplicates.add(new Plan.Duplicate(userId, email, own.size()));
                case UNCHANGED -> {
                    unchangedCount++;
                    if (keepUnchanged) {
                        unchanged.add(own.get(0));
                    }
                }
                default -> updates.add(new Plan.Update(own.get(0).rowId(), userId, own.get(0).email(), email));
            }
        }
        return new Plan(creates, updates, unchanged, unchangedCount, duplicates, missing);
    }
}
