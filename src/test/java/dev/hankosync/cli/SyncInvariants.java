package dev.hankosync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hankosync.sandbox.HankoSandboxUser;
import dev.hankosync.supabase.TableRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What must hold after any run, whatever fault it met, checked against the table itself rather than against what
 * the tool says about it:
 * <ul>
 * <li>no user id has more rows than before (plus what another writer added on purpose),</li>
 * <li>no row of a user who exists in Hanko was deleted,</li>
 * <li>the report matches the table: the rows that appeared are exactly the ones reported created, the rows that
 * went are exactly the ones reported deleted, the emails that changed are exactly the ones reported updated,</li>
 * <li>when the run succeeded: every Hanko user has exactly one row, with its primary email.</li>
 * </ul>
 */
final class SyncInvariants {

    private SyncInvariants() {}

    /**
     * @param appRows user ids of rows another writer (the app's sign-in route) inserted during the run
     */
    static void assertHold(List<HankoSandboxUser> users, List<TableRow> before, List<TableRow> after, JsonNode report,
                           boolean succeeded, Collection<String> appRows) {
        String context = " (report: " + report.path("counts") + ", stopped_by: " + report.path("stopped_by") + ")";
        Set<String> hankoIds = new HashSet<>();
        users.forEach(user -> hankoIds.add(user.id()));

        Map<String, TableRow> beforeById = byRowId(before);
        Map<String, TableRow> afterById = byRowId(after);

        // rows that appeared: exactly the created ones, plus the other writer's
        Map<String, Integer> appeared = new TreeMap<>();
        afterById.forEach((rowId, row) -> {
            if (!beforeById.containsKey(rowId)) {
                appeared.merge(row.userId(), 1, Integer::sum);
            }
        });
        Map<String, Integer> expectedAppeared = new TreeMap<>();
        reportRows(report, "created").forEach(row -> expectedAppeared.merge(row.path("user_id").asText(), 1,
                Integer::sum));
        appRows.forEach(id -> expectedAppeared.merge(id, 1, Integer::sum));
        assertEquals(expectedAppeared, appeared, "rows that appeared vs rows reported created" + context);
        assertEquals(reportRows(report, "created").size(), report.path("counts").path("created").asInt(),
                "every created row is listed" + context);

        // rows that went: exactly the deleted ones, and none of a user Hanko still has
        Map<String, Integer> went = new TreeMap<>();
        beforeById.forEach((rowId, row) -> {
            if (!afterById.containsKey(rowId)) {
                went.merge(row.userId(), 1, Integer::sum);
                if (hankoIds.contains(canonical(row.userId()))) {
                    fail("the row of Hanko user " + row.userId() + " was deleted" + context);
                }
            }
        });
        Map<String, Integer> reportedDeleted = new TreeMap<>();
        reportRows(report, "deleted").forEach(row -> reportedDeleted.merge(row.path("user_id").asText(), 1,
                Integer::sum));
        assertEquals(reportedDeleted, went, "rows that went vs rows reported deleted" + context);

        // emails that changed: exactly the updated ones
        Map<String, String> changed = new TreeMap<>();
        afterById.forEach((rowId, row) -> {
            TableRow old = beforeById.get(rowId);
            if (old != null && !java.util.Objects.equals(old.email(), row.email())) {
                changed.put(row.userId(), old.email() + " -> " + row.email());
            }
        });
        Map<String, String> reportedUpdated = new TreeMap<>();
        for (JsonNode row : reportRows(report, "updated")) {
            reportedUpdated.put(row.path("user_id").asText(), text(row.path("previous_email")) + " -> "
                    + text(row.path("email")));
        }
        assertEquals(reportedUpdated, changed, "emails that changed vs rows reported updated" + context);

        // no user id gained a second row, except by the other writer's hand
        Map<String, Integer> countBefore = countByUser(before);
        Map<String, Integer> countAfter = countByUser(after);
        Set<String> appIds = new HashSet<>(appRows);
        countAfter.forEach((userId, count) -> {
            if (count > 1 && count > countBefore.getOrDefault(userId, 0) && !appIds.contains(userId)) {
                fail("user " + userId + " has " + count + " rows" + context);
            }
        });

        if (succeeded) {
            for (HankoSandboxUser user : users) {
                List<String> emails = new ArrayList<>();
                after.stream().filter(row -> user.id().equals(canonical(row.userId())))
                        .forEach(row -> emails.add(row.email()));
                if (!appIds.contains(user.id())) {
                    assertEquals(java.util.Collections.singletonList(user.expectedEmail()), emails,
                            "rows of Hanko user " + user.id() + context);
                } else {
                    assertTrue(emails.contains(user.expectedEmail()), "rows of Hanko user " + user.id() + context);
                }
            }
        }
    }

    static List<JsonNode> reportRows(JsonNode report, String action) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            if (row.path("action").asText().equals(action)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, TableRow> byRowId(List<TableRow> rows) {
        Map<String, TableRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.rowId(), row));
        return byId;
    }

    private static Map<String, Integer> countByUser(List<TableRow> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(canonical(row.userId()), 1, Integer::sum));
        return counts;
    }

    private static String canonical(String userId) {
        return userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "null" : node.asText();
    }
}
