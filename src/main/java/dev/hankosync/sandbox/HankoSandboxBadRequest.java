package dev.hankosync.sandbox;

/** A request the sandbox answers with 400 and Hanko's error body carrying this message. */
final class HankoSandboxBadRequest extends Exception {

    HankoSandboxBadRequest(String message) {
        super(message);
    }
}
