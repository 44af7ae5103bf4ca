package id.satupintu.survey;

import java.util.regex.Pattern;

/**
 * Strips personal data from a suggestion before it is published: a NIK (16 digits), an Indonesian phone number
 * (08xx or +62/62 8xx, spaces, dots or dashes between groups) and an e-mail address each become a neutral
 * placeholder. Citizens write such things into suggestions ("call me at 0812..."); the published copy must not
 * carry them, while the original stays for the site's supervisors.
 */
final class PersonalData {

    static final String PLACEHOLDER = "[data pribadi]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    // Digits not touching other digits: a NIK inside a longer number is not a NIK (and the longer one goes below).
    private static final Pattern NIK = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+62|62|0)[\\s.-]?8\\d(?:[\\s.-]?\\d){6,11}(?!\\d)");

    private PersonalData() {
    }

    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(PLACEHOLDER);
        out = NIK.matcher(out).replaceAll(PLACEHOLDER);
        return PHONE.matcher(out).replaceAll(PLACEHOLDER);
    }
}
