package dev.hankosync.hanko;

import java.util.Locale;
import java.util.regex.Pattern;

/** Hanko user ids are UUIDs; the sync keeps them in canonical lower-case form so they compare as strings. */
final class HankoIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private HankoIds() {
    }

    static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** The canonical lower-case form, or null when {@code value} is not a hyphenated UUID. */
    static String canonical(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return isUuid(trimmed) ? trimmed.toLowerCase(Locale.ROOT) : null;
    }
}
