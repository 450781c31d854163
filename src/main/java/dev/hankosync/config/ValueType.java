package dev.hankosync.config;

/** What kind of value a setting holds; decides how its text is parsed and which rule it must pass. */
public sealed interface ValueType {

    /** An http:// or https:// URL without user info, query or fragment. */
    record HttpUrl() implements ValueType {}

    /** An API key: printable ASCII, never echoed. */
    record Secret() implements ValueType {}

    /**
     * A PostgreSQL connection string: {@code postgresql://} / {@code postgres://} (as the Supabase dashboard shows
     * it) or {@code jdbc:postgresql://}. It can hold a password, so it is never echoed either.
     */
    record DatabaseUrl() implements ValueType {}

    /** A plain SQL identifier (schema, table, column): letters, digits, underscore. */
    record Identifier() implements ValueType {}

    /** {@code true} or {@code false} (also {@code yes}/{@code no}). */
    record YesNo() implements ValueType {}

    /** A whole number in {@code min..max}, inclusive. {@code unit} is for messages, e.g. "seconds". */
    record WholeNumber(int min, int max, String unit) implements ValueType {

        /** Human wording of the allowed range, used in error messages and help text. */
        public String describeRange() {
            String suffix = unit.isEmpty() ? "" : " " + unit;
            if (max == Integer.MAX_VALUE) {
                return "a whole number" + suffix + ", " + min + " or more";
            }
            return "a whole number" + suffix + " from " + min + " to " + max;
        }
    }

    ValueType URL = new HttpUrl();
    ValueType SECRET = new Secret();
    ValueType DATABASE_URL = new DatabaseUrl();
    ValueType IDENTIFIER = new Identifier();
    ValueType YES_NO = new YesNo();

    static ValueType wholeNumber(int min, int max) {
        return new WholeNumber(min, max, "");
    }

    static ValueType seconds(int min, int max) {
        return new WholeNumber(min, max, "of seconds");
    }
}
