package id.satupintu.platform.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Indonesian mobile numbers, normalized to the national form citizens know ({@code 0812...}). */
public final class PhoneNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");
    private static final Pattern NATIONAL_MOBILE = Pattern.compile("08[1-9]\\d{7,10}");

    private PhoneNumber() {
    }

    /** {@code +62 812-3456-7890}, {@code 6281234567890} and {@code 081234567890} all give the last. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (digits.startsWith("+62")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = "0" + digits.substring(2);
        }
        return NATIONAL_MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }
}
