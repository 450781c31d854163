package dev.hankosync.sync;

/**
 * A Hanko user id as the two longs of its UUID: 16 bytes instead of a 36-character String, which is what lets a
 * million users fit in a small heap.
 */
final class UserKey {

    private UserKey() {}

    /**
     * Parses a UUID in its 8-4-4-4-12 hex form, either case, into {@code out[0]} (high) and {@code out[1]} (low).
     *
     * @return false when the text is not such a UUID (then it cannot be a Hanko user id)
     */
    static boolean parse(String text, long[] out) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return false;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                return false;
            }
            if (digits < 16) {
                hi = (hi << 4) | v;
            } else {
                lo = (lo << 4) | v;
            }
            digits++;
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** The canonical lower-case text form. */
    static String format(long hi, long lo) {
        return new java.util.UUID(hi, lo).toString();
    }

    static int hash(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
