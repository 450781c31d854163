package dev.hankosync.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the setting an unknown config-file key was probably meant to be. Besides property names it
 * compares flag and environment-variable spellings, because people paste {@code SUPABASE_URL=...} or
 * {@code page-size=...} into a properties file; all are compared lower-cased with {@code _} and {@code -}
 * read as {@code .}.
 */
final class NearestKey {

    private NearestKey() {
    }

    static Optional<SettingKey> to(String unknown) {
        String wanted = normalize(unknown);
        // Allow roughly one typo per four characters, and at least two.
        int allowed = Math.max(2, wanted.length() / 4);
        SettingKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SettingKey key : SettingKey.values()) {
            int distance = distanceToAnySpelling(wanted, key);
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static int distanceToAnySpelling(String wanted, SettingKey key) {
        int distance = editDistance(wanted, normalize(key.property()));
        distance = Math.min(distance, editDistance(wanted, normalize(key.flag().substring(2))));
        for (String variable : key.environmentVariables()) {
            distance = Math.min(distance, editDistance(wanted, normalize(variable)));
        }
        return distance;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
