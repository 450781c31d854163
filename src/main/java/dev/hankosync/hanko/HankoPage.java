package dev.hankosync.hanko;

import java.util.List;

/**
 * One page of {@code GET /users}.
 *
 * @param users      the users on the page, in the order the server sent them
 * @param totalCount the page's {@code X-Total-Count}, or -1 when the header was missing or not a number
 */
public record HankoPage(List<HankoUser> users, long totalCount) {}
