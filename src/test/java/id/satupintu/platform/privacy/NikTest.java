package id.satupintu.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NikTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "3602041211870001, ok",               // Dukcapil's own example: Banten, born 12-11-87
            "3273015708900001, ok",               // woman born 17-08-90 (day + 40)
            "3273017102870001, nik-birth-date",   // woman's 31 February
            "3602043102870001, nik-birth-date",   // 31 February
            "3602040012870001, nik-birth-date",   // day 00
            "3602043512870001, nik-birth-date",   // day 35: neither a man's nor a woman's day
            "3602047212870001, nik-birth-date",   // day 72 = 32 for a woman
            "3602041213870001, nik-birth-date",   // month 13
            "3602042902000001, ok",               // 29 Feb 2000 (leap); 1900 was not
            "3602046902000001, ok",               // a woman born 29 Feb 2000
            "3602042902010001, nik-birth-date",   // 29 Feb in 1901 or 2001: neither is leap
            "3602042902960001, ok",               // 29 Feb 1996 (2096 lies ahead)
            "9902041211870001, nik-province",     // 99 is no province
            "2002041211870001, nik-province",
            "9602041211870001, ok",               // Papua Barat Daya (UU 29/2022)
            "3602041211870000, nik-serial",
            "360204121187000, nik-format",        // 15 digits
            "36020412118700012, nik-format",      // 17 digits
            "36020412118700AB, nik-format",
            "'3602 0412 1187 0001', nik-format"
    })
    void structure(String nik, String expected) {
        assertEquals("ok".equals(expected) ? Optional.empty() : Optional.of(expected), Nik.problem(nik));
    }

    @Test
    void nullIsNotANik() {
        assertEquals(Optional.of("nik-format"), Nik.problem(null));
    }

    @Test
    void birthDateAndSex() {
        LocalDate today = LocalDate.of(2026, 3, 16);
        assertEquals(LocalDate.of(1987, 11, 12), Nik.birthDate("3602041211870001", today).orElseThrow());
        assertFalse(Nik.isFemale("3602041211870001"));
        assertTrue(Nik.isFemale("3273015708900001"));
        assertEquals(LocalDate.of(2000, 2, 29), Nik.birthDate("3602046902000001", today).orElseThrow());
    }
}
