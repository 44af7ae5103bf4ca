package id.satupintu.platform.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the structure of a NIK (Nomor Induk Kependudukan): {@code PP KK CC DD MM YY SSSS}.
 * Only what is certain is enforced: 16 digits, a Kemendagri province code (reference/provinces.csv),
 * a real birth date (day + 40 for women; the year has no century, so a date valid in either the
 * 1900s or the 2000s is accepted, e.g. 29 Feb of YY=00), and a serial from 0001. The regency and
 * district digits are the place of first registration and older codes stay valid, so they are
 * not checked against today's list.
 */
public final class Nik {

    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("\\d{16}");
    private static final Set<String> PROVINCES = loadProvinces();

    private Nik() {
    }

    /** The field error code when nik is not a structurally valid NIK; empty when it is. */
    public static Optional<String> problem(String nik) {
        if (nik == null || !SIXTEEN_DIGITS.matcher(nik).matches()) {
            return Optional.of("nik-format");
        }
        if (!PROVINCES.contains(nik.substring(0, 2))) {
            return Optional.of("nik-province");
        }
        if (birthDate(nik, LocalDate.MAX).isEmpty()) {
            return Optional.of("nik-birth-date");
        }
        if (nik.endsWith("0000")) {
            return Optional.of("nik-serial");
        }
        return Optional.empty();
    }

    public static boolean isFemale(String nik) {
        return Integer.parseInt(nik.substring(6, 8)) > 40;
    }

    /**
     * The encoded birth date: in the 2000s when that is a real date not after {@code today}, otherwise in
     * the 1900s; a date real only in the future 2000s (a typo, or a NIK issued ahead) still counts. Whether
     * there is one at all does not depend on today (which is why {@link #problem} may pass any day).
     */
    public static Optional<LocalDate> birthDate(String nik, LocalDate today) {
        int day = Integer.parseInt(nik.substring(6, 8));
        if (day > 40) {
            day -= 40;
        }
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        Optional<LocalDate> recent = date(2000 + yy, month, day);
        if (recent.isPresent() && !recent.get().isAfter(today)) {
            return recent;
        }
        Optional<LocalDate> older = date(1900 + yy, month, day);
        return older.isPresent() ? older : recent;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notARealDate) {
            return Optional.empty();
        }
    }

    private static Set<String> loadProvinces() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = Nik.class.getClassLoader().getResourceAsStream("reference/provinces.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/provinces.csv is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String code = line.split(",", 2)[0].trim();
                if (code.matches("\\d{2}")) {
                    codes.add(code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
