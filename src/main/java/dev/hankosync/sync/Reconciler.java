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
            List<TableRow> own = rowsByUser.get(userId);
            if (own == null) {
                creates.add(new NewRow(userId, email));
            } else if (own.size() > 1) {
                duplicates.add(new Plan.Duplicate(userId, email, own.size()));
            } else {
                TableRow row = own.get(0);
                if (Objects.equals(row.email(), email)) {
                    unchangedCount++;
                    if (keepUnchanged) {
                        unchanged.add(row);
                    }
                } else {
                    updates.add(new Plan.Update(row.rowId(), userId, row.email(), email));
                }
            }
        }
        return new Plan(creates, updates, unchanged, unchangedCount, duplicates, missing);
    }
}
