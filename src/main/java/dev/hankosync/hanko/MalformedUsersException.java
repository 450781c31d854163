package dev.hankosync.hanko;

/** The user list body was not what the admin API sends; the message is a one-line diagnosis. */
final class MalformedUsersException extends Exception {

    MalformedUsersException(String diagnosis) {
        super(diagnosis);
    }
}
