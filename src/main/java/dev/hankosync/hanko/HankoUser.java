package dev.hankosync.hanko;

/**
 * The two facts the sync mirrors about a Hanko user.
 *
 * @param id    the Hanko user id (a UUID, lower case)
 * @param email the primary address, else the first address, else null (username-only users exist)
 */
public record HankoUser(String id, String email) {}
