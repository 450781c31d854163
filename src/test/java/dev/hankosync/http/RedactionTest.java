package dev.hankosync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String KEY = "sb_secret_Q7f3kL9zX2mN8pR4tV6wY1aB";

    @Test
    void aShortenedCopyOfTheKeyIsMaskedToo() {
        // what a diagnosis quoting the first 39 characters of a value looks like when the value was the key
        String quoted = "id that is not a UUID: \"Bearer " + KEY.substring(0, 25) + "…\"";
        String redacted = Redaction.redact(quoted, KEY);
        assertEquals("id that is not a UUID: \"Bearer [REDACTED]…\"", redacted);
    }

    @Test
    void aPieceFromTheMiddleOrEndIsMasked() {
        assertEquals("tail [REDACTED] end", Redaction.redact("tail " + KEY.substring(12) + " end", KEY));
        assertEquals("x[REDACTED]y", Redaction.redact("x" + KEY.substring(5, 20) + "y", KEY));
    }

    @Test
    void theSixCharacterPrefixThatIdentifiesAKeyKindStays() {
        assertEquals("key sb_sec… rejected", Redaction.redact("key sb_sec… rejected", KEY));
    }

    @Test
    void ordinaryTextIsUntouchedAndEverySecretIsHandled() {
        String other = "hanko-api-key-0123456789";
        String text = "a " + KEY + " b " + other + " c";
        String redacted = Redaction.redact(text, KEY, null, "", other);
        assertEquals("a [REDACTED] b [REDACTED] c", redacted);
        assertEquals("GET /users -> 503", Redaction.redact("GET /users -> 503", KEY, other));
        assertFalse(Redaction.redact(KEY + KEY, KEY).contains("Q7f3"));
    }

    @Test
    void aShortSecretIsMaskedOnlyWhole() {
        assertEquals("[REDACTED] and hk_12", Redaction.redact("hk_123 and hk_12", "hk_123"));
    }

    @Test
    void wordsFromTheSharedPartOfAKeyKindAreNotSecret() {
        String publishable = "sb_publishable_Hc81kd02LmQx7";
        assertEquals("an anon or publishable key is not enough",
                Redaction.redact("an anon or publishable key is not enough", publishable));
        assertEquals("key [REDACTED]…", Redaction.redact("key sb_publishable_Hc…", publishable));
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLXNlY3JldA";
        assertEquals("header eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 only",
                Redaction.redact("header eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 only", jwt));
        assertEquals("sig [REDACTED]", Redaction.redact("sig c2lnbmF0dXJlLXNl", jwt));
    }
}
