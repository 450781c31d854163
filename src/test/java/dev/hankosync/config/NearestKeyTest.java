package dev.hankosync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestKeyTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, NearestKey.editDistance("abc", "abc"));
        assertEquals(1, NearestKey.editDistance("abc", "abcd"));
        assertEquals(1, NearestKey.editDistance("abc", "ac"));
        assertEquals(1, NearestKey.editDistance("abc", "abx"));
        assertEquals(3, NearestKey.editDistance("", "abc"));
        assertEquals(3, NearestKey.editDistance("kitten", "sitting"));
    }

    @Test
    void suggestsCloseTyposAndOtherSpellings() {
        assertEquals(Optional.of(SettingKey.MAX_DELETE), NearestKey.to("sync.max.delte"));
        assertEquals(Optional.of(SettingKey.USER_ID_COLUMN), NearestKey.to("column.user.id"));
        assertEquals(Optional.of(SettingKey.CONCURRENCY), NearestKey.to("concurrency"));
        assertEquals(Optional.of(SettingKey.SUPABASE_URL), NearestKey.to("SUPABASE_URL"));
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertEquals(Optional.empty(), NearestKey.to("log.level"));
    }
}
