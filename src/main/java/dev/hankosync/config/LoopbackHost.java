package dev.hankosync.config;

import java.util.Locale;

/**
 * Whether a URL's host is this machine, judged from the name alone: the loader must not do DNS
 * lookups, and plain http to loopback (the sandbox, a local Hanko) is fine.
 */
final class LoopbackHost {

    private LoopbackHost() {
    }

    static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost")
                || name.endsWith(".localhost")
                || name.matches("127(\\.\\d{1,3}){3}")
                || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1");
    }
}
