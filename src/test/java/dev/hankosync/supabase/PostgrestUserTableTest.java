package dev.hankosync.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Request shapes, headers and encoding of {@link PostgrestUserTable}'s reads, updates and deletes. */
class PostgrestUserTableTest extends PostgrestMockServerTest {

    @Test
    void legacyJwtKeyGoesInApikeyAndBearer() throws Exception {
        enqueue(200, "[]");
        table(JWT_KEY).readAll(10, page -> { });
        RecordedRequest request = take();
        assertEquals(JWT_KEY, request.getHeaders().get("apikey"));
        assertEquals("Bearer " + JWT_KEY, request.getHeaders().get("Authorization"));
        assertNull(request.getHeaders().get("Accept-Profile"), "public is the default profile");
    }

    @Test
    void secretKeyGoesInApikeyOnly() throws Exception {
        enqueue(200, "[]");
        table(SECRET_KEY).readAll(10, page -> { });
        RecordedRequest request = take();
        assertEquals(SECRET_KEY, request.getHeaders().get("apikey"));
        assertNull(request.getHeaders().get("Authorization"));
    }

    @Test
    void nonPublicSchemaUsesAcceptProfileOnReadsAndContentProfileOnWrites() throws Exception {
        PostgrestUserTable table = table(new SupabaseTarget(server.url("/").toString(), SECRET_KEY, "app", "members",
                "hanko_id", "mail"));
        enqueue(200, "[]");
        table.readAll(10, page -> { });
        enqueue(204, "");
        table.updateEmail("7", "x@example.com");

        RecordedRequest read = take();
        assertEquals("/rest/v1/members", read.getUrl().encodedPath());
        assertEquals("app", read.getHeaders().get("Accept-Profile"));
        assertNull(read.getHeaders().get("Content-Profile"));
        assertEquals("id,hanko_id,mail", read.getUrl().queryParameter("select"));
        RecordedRequest write = take();
        assertEquals("app", write.getHeaders().get("Content-Profile"));
        assertNull(write.getHeaders().get("Accept-Profile"));
        assertEquals("{\"mail\":\"x@example.com\"}", write.getBody().utf8());
    }

    @Test
    void keysetPagingContinuesPastShortPagesAndStopsOnlyOnAnEmptyOne() throws Exception {
        // The server caps pages at 2 rows although 5 were asked for: a short page is not the end.
        enqueue(200, "[{\"id\":1,\"user_id\":\"u1\",\"email\":\"a@x.com\"},{\"id\":2,\"user_id\":\"u2\",\"email\":null}]");
        enqueue(200, "[{\"id\":9,\"user_id\":\"u9\",\"email\":\"c@x.com\",\"extra\":{\"nested\":[1]}}]");
        enqueue(200, "[]");
        List<TableRow> rows = new ArrayList<>();
        int requests = table(SECRET_KEY).readAll(5, rows::addAll);

        assertEquals(3, requests);
        assertEquals(List.of(new TableRow("1", "u1", "a@x.com"), new TableRow("2", "u2", null),
                new TableRow("9", "u9", "c@x.com")), rows);
        RecordedRequest first = take();
        assertEquals("GET", first.getMethod());
        assertEquals("id,user_id,email", first.getUrl().queryParameter("select"));
        assertEquals("id.asc", first.getUrl().queryParameter("order"));
        assertEquals("5", first.getUrl().queryParameter("limit"));
        assertNull(first.getUrl().queryParameter("id"));
        assertEquals("gt.2", take().getUrl().queryParameter("id"));
        assertEquals("gt.9", take().getUrl().queryParameter("id"));
    }

    @Test
    void theFirstPageAsksForTheCountAndReadingStopsWhenItIsReached() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Range", "0-1/3")
                .body("[{\"id\":1,\"user_id\":\"u1\",\"email\":\"a@x.com\"},{\"id\":2,\"user_id\":\"u2\",\"email\":null}]")
                .build());
        enqueue(200, "[{\"id\":3,\"user_id\":\"u3\",\"email\":\"c@x.com\"}]");
        List<TableRow> rows = new ArrayList<>();
        int requests = table(SECRET_KEY).readAll(2, rows::addAll);

        assertEquals(2, requests, "no empty page needed once the count is read");
        assertEquals(3, rows.size());
        assertEquals("count=exact", take().getHeaders().get("Prefer"));
        assertNull(take().getHeaders().get("Prefer"), "only the first page counts");
    }

    @Test
    void rowsDeletedMeanwhileMeanReadingOnToTheEmptyPage() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Range", "0-1/4")
                .body("[{\"id\":1,\"user_id\":\"u1\",\"email\":null},{\"id\":2,\"user_id\":\"u2\",\"email\":null}]")
                .build());
        enqueue(200, "[{\"id\":4,\"user_id\":\"u4\",\"email\":null}]");
        enqueue(200, "[]");
        List<TableRow> rows = new ArrayList<>();
        assertEquals(3, table(SECRET_KEY).readAll(2, rows::addAll));
        assertEquals(3, rows.size());
    }

    @Test
    void plusInQueryValuesIsPercentEncoded() throws Exception {
        enqueue(204, "");
        table(SECRET_KEY).updateEmail("1+2", "a+b@x.com");

        RecordedRequest patch = take();
        assertEquals("PATCH", patch.getMethod());
        assertTrue(patch.getRequestLine().contains("?id=eq.1%2B2 "), patch.getRequestLine());
        assertEquals("eq.1+2", patch.getUrl().queryParameter("id"));
        assertEquals("return=minimal", patch.getHeaders().get("Prefer"));
        assertEquals("{\"email\":\"a+b@x.com\"}", patch.getBody().utf8());
    }

    @Test
    void inListItemsAreQuotedAndBackslashEscaped() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).addHeader("Content-Range", "*/2").build());
        int deleted = table(SECRET_KEY).delete(List.of("a\"b", "c\\d", "e,f)"));
        assertEquals(2, deleted);
        RecordedRequest request = take();
        assertEquals("DELETE", request.getMethod());
        assertEquals("in.(\"a\\\"b\",\"c\\\\d\",\"e,f)\")", request.getUrl().queryParameter("id"));
        assertTrue(request.getHeaders().get("Prefer").contains("count=exact"));
    }

    @Test
    void longInListsAreSplitSoEveryUrlStaysUnder8000Characters() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(java.util.UUID.nameUUIDFromBytes(("row" + i).getBytes()).toString());
        }
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(204).addHeader("Content-Range", "*/100").build());
        }
        int deleted = table(SECRET_KEY).delete(ids);

        List<String> sent = new ArrayList<>();
        int requests = server.getRequestCount();
        assertTrue(requests > 1, "1000 quoted UUIDs do not fit one URL");
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = take();
            assertTrue(request.getUrl().toString().length() < 8000, "URL length " + request.getUrl().toString().length());
            String list = request.getUrl().queryParameter("id");
            for (String item : list.substring("in.(".length(), list.length() - 1).split(",")) {
                sent.add(item.substring(1, item.length() - 1));
            }
        }
        assertEquals(ids, sent);
        assertEquals(100 * requests, deleted);
    }

    @Test
    void deleteOfNothingSendsNoRequestAndRowFiltersAreRequired() {
        PostgrestUserTable table = table(SECRET_KEY);
        assertEquals(0, table.delete(List.of()));
        assertThrows(IllegalArgumentException.class, () -> table.updateEmail(" ", "a@b.c"));
        assertThrows(IllegalArgumentException.class, () -> table.delete(List.of("1", "")));
        assertEquals(0, server.getRequestCount());
    }
}
