package id.satupintu.application;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tracking numbers such as {@code BDG-261123-7KQ4MX-H}: the site, the local date of submission,
 * six random Crockford base-32 symbols (about a billion per site and day, so the next number cannot
 * be guessed from one's own) and a Crockford check symbol that catches a mistyped or swapped
 * character before a look-up is even made.
 *
 * <p>Crockford's mod-37 check has five symbols beyond the 32 digits and letters: {@code * ~ $ = U}.
 * They are hard to read aloud at a counter and to type on a phone, so a new number whose check would
 * be one of them is drawn again (5 draws in 37): new numbers end in a digit or a letter of the body's
 * own alphabet. Numbers issued before with one of the five stay valid: the check is the same.
 */
final class TrackingNumbers {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{2,12}-[0-9]{6}-[0-9A-Z]{6}-[0-9A-Z*~$=]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingNumbers() {
    }

    /** The short form of a site code used in tracking numbers: MPP-BDG gives BDG. */
    static String sitePart(String siteCode) {
        String part = siteCode.contains("-") ? siteCode.substring(siteCode.lastIndexOf('-') + 1) : siteCode;
        return part.length() > 12 ? part.substring(0, 12) : part;
    }

    static String next(String siteCode, LocalDate localDate) {
        String prefix = sitePart(siteCode) + "-" + DATE.format(localDate) + "-";
        while (true) {
            StringBuilder random = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                random.append(SYMBOLS.charAt(RANDOM.nextInt(32)));
            }
            String body = prefix + random;
            char check = check(body);
            if (SYMBOLS.indexOf(check) >= 0) {
                return body + "-" + check;
            }
        }
    }

    /** True when the text has the shape of a tracking number and its check symbol matches. */
    static boolean isWellFormed(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return false;
        }
        int last = text.lastIndexOf('-');
        return check(text.substring(0, last)) == text.charAt(last + 1);
    }

    /** Normalizes what a person typed: case, and the letters Crockford reads as digits. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String upper = typed.trim().toUpperCase(Locale.ROOT);
        int first = upper.indexOf('-');
        int last = upper.lastIndexOf('-');
        if (first < 0 || last <= first) {
            return upper;
        }
        String random = upper.substring(upper.lastIndexOf('-', last - 1) + 1, last)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return upper.substring(0, upper.lastIndexOf('-', last - 1) + 1) + random + upper.substring(last);
    }

    /** Crockford's mod-37 check over the value of every base-32 symbol of the body (dashes skipped). */
    static char check(String body) {
        int remainder = 0;
        for (char c : body.toCharArray()) {
            int value = SYMBOLS.indexOf(c);
            if (value >= 0) {
                remainder = (remainder * 32 + value) % 37;
            }
        }
        return CHECK_SYMBOLS.charAt(remainder);
    }
}
