package dev.hankosync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    @Test
    void hankoErrorBodyGivesItsMessageAndCode() {
        String body = "{\"code\":400,\"message\":\"sort_direction must be desc or asc\"}\n";
        assertEquals("sort_direction must be desc or asc", ErrorBodies.describe(body));
        assertEquals("400", ErrorBodies.code(body));
    }

    @Test
    void postgrestErrorBodyAddsDetailsAndHint() {
        String body = "{\"code\":\"23505\",\"details\":\"Key (user_id)=(x) already exists.\",\"hint\":null,"
                + "\"message\":\"duplicate key value violates unique constraint \\\"users_user_id_key\\\"\"}";
        assertEquals("duplicate key value violates unique constraint \"users_user_id_key\""
                + " (Key (user_id)=(x) already exists.)", ErrorBodies.describe(body));
        assertEquals("23505", ErrorBodies.code(body));
    }

    @Test
    void jsonWithoutMessageIsShownCompactly() {
        assertEquals("{\"error\": {\"status\": 500}}", ErrorBodies.describe("{\"error\": {\"status\": 500}}"));
        assertEquals("{\"foo\": 1, \"bar\": [1, 2]}", ErrorBodies.describe("{\"foo\": 1,\n  \"bar\": [1, 2]}"));
        assertNull(ErrorBodies.code("{\"foo\":1}"));
    }

    @Test
    void plainTextBecomesOneLine() {
        assertEquals("URI too long", ErrorBodies.describe("URI too long\n"));
        assertEquals("upstream connect error or disconnect/reset before headers. reset reason: overflow",
                ErrorBodies.describe("upstream connect error or disconnect/reset before headers.\r\n"
                        + "reset reason: overflow"));
        assertNull(ErrorBodies.code("URI too long"));
    }

    @Test
    void htmlFromACdnIsReducedToItsTitle() {
        String html = "<!DOCTYPE html>\n<html><head><title>example.hanko.io | 502: Bad gateway</title>"
                + "<style>body{color:red}</style></head><body><h1>Bad gateway</h1><p>Cloudflare &amp; co</p>"
                + "</body></html>";
        assertEquals("example.hanko.io | 502: Bad gateway", ErrorBodies.describe(html));
    }

    @Test
    void htmlWithoutTitleIsStrippedOfTagsScriptsAndEntities() {
        String html = "<html><body><script>var x = '<b>';</script>\n<h1>504 Gateway&nbsp;Time-out</h1>\n"
                + "<hr><center>nginx</center></body></html>";
        assertEquals("504 Gateway Time-out nginx", ErrorBodies.describe(html));
    }

    @Test
    void emptyBodiesAreNamed() {
        assertEquals("empty body", ErrorBodies.describe(""));
        assertEquals("empty body", ErrorBodies.describe(" \n"));
        assertEquals("empty body", ErrorBodies.describe(null));
    }

    @Test
    void longBodiesAreCappedAndControlCharactersRemoved() {
        String description = ErrorBodies.describe("x".repeat(5000) + "\u001b[31m");
        assertEquals(200, description.length());
        assertTrue(description.endsWith("…"));
        assertFalse(ErrorBodies.describe("bad\u001b[2Jthing\u0007").contains("\u001b"));
    }

    @Test
    void brokenJsonIsTreatedAsText() {
        assertEquals("{\"code\":500,\"mess", ErrorBodies.describe("{\"code\":500,\"mess"));
        assertNull(ErrorBodies.code("{\"code\":500,\"mess"));
    }

    @Test
    void redactionMasksEverySecretOccurrence() {
        assertEquals("bad token [REDACTED] and [REDACTED]",
                Redaction.redact("bad token hk_123 and hk_123", "hk_123", null, ""));
        assertNull(Redaction.redact(null, "x"));
    }
}
