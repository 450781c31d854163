package dev.hankosync.cli;

import dev.hankosync.sync.RowResult;

/**
 * {@code --mask-emails}: shows {@code alice@example.com} as {@code a***@e***.com}, enough to tell rows apart in a
 * log shared with others without giving the addresses away. Applies to every format and to the report file, so
 * the flag means "no address leaves this run in clear".
 */
final class EmailMask {

    static final EmailMask OFF = new EmailMask(false);
    static final EmailMask ON = new EmailMask(true);

    private static final String STARS = "***";

    private final boolean masking;

    private EmailMask(boolean masking) {
        this.masking = masking;
    }

    static EmailMask of(boolean masking) {
        return masking ? ON : OFF;
    }

    String apply(String email) {
        if (!masking || email == null || email.isEmpty()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return email.charAt(0) + STARS;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String maskedLocal = local.isEmpty() ? STARS : local.charAt(0) + STARS;
        String maskedDomain = dot <= 0 ? (domain.isEmpty() ? "" : domain.charAt(0) + STARS)
                : domain.charAt(0) + STARS + domain.substring(dot);
        return maskedLocal + "@" + maskedDomain;
    }

    /**
     * The row with its email and previous email masked, also where the database's error quotes them (a unique
     * violation's detail reads "Key (email)=(alice@example.com) already exists").
     */
    RowResult apply(RowResult row) {
        if (!masking) {
            return row;
        }
        String error = row.error();
        for (String email : new String[] {row.email(), row.previousEmail()}) {
            if (error != null && email != null && !email.isEmpty()) {
                error = error.replace(email, apply(email));
            }
        }
        return new RowResult(row.action(), row.userId(), apply(row.email()), apply(row.previousEmail()), error);
    }
}
