package id.satupintu.survey;

import java.util.regex.Pattern;

/**
 * Strips personal data from a suggestion before it is published: a NIK (16 digits), an Indonesian mobile number
 * (08xx or +62/62 8xx, spaces, dots or dashes between groups), a landline number (an area code 0 and 2–4 digits,
 * bare, in brackets or after +62/62 without its 0, then 5–12 digits in groups: 022-1234567, (021) 555 1234,
 * +62 22 1234567) and an e-mail address each become a neutral placeholder. Citizens write such things into suggestions ("call me at 0812..."); the published copy must not
 * carry them, while the original stays for the site's supervisors.
 */
final class PersonalData {

    static final String PLACEHOLDER = "[data pribadi]";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    // Digits not touching other digits: a NIK inside a longer number is not a NIK (and the longer one goes below).
    private static final Pattern NIK = Pattern.compile("(?<!\\d)\\d{16}(?!\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:\\+62|62|0)[\\s.-]?8\\d(?:[\\s.-]?\\d){6,11}(?!\\d)");
    // An area code must be followed by a subscriber number of at least 3 + 2 digits, so a time (08.30), a date
    // (10-03-2026), an amount (Rp 150.000) or a ticket number does not look like a landline.
    private static final Pattern LANDLINE = Pattern.compile("(?<![\\d+])(?:\\(\\s*0[1-9]\\d{1,3}\\s*\\)"
            + "|(?:\\+62|62)[\\s.-]?(?:\\(\\s*[1-9]\\d{1,3}\\s*\\)|[1-9]\\d{1,3})|0[1-9]\\d{1,3})"
            + "[\\s.-]?\\d{3,4}(?:[\\s.-]?\\d{2,4}){1,2}(?!\\d)");

    private PersonalData() {
    }

    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String out = EMAIL.matcher(text).replaceAll(PLACEHOLDER);
        out = NIK.matcher(out).replaceAll(PLACEHOLDER);
        out = PHONE.matcher(out).replaceAll(PLACEHOLDER);
        return LANDLINE.matcher(out).replaceAll(PLACEHOLDER);
    }
}
