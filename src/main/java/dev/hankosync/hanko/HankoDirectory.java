package dev.hankosync.hanko;

import java.util.Collection;
import java.util.List;

/** The two reads of Hanko's admin API that a sync needs. Implementations throw {@code ApiException}. */
public interface HankoDirectory {

    /** {@code GET /users?page=&per_page=&sort_direction=asc}; page numbers start at 1. */
    HankoPage page(int page, int perPage);

    /**
     * {@code GET /users?user_id=a,b,c}: the users among {@code ids} that exist now. Splits long lists into
     * several requests so URLs stay short; ids that are not UUIDs are never sent (they cannot exist).
     */
    List<HankoUser> findByIds(Collection<String> ids);
}
