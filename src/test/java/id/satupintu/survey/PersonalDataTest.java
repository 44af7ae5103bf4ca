package id.satupintu.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the published copy of a suggestion strips, and the numbers it must leave alone. */
class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"022-1234567", "(021) 555 1234", "(0274) 512345", "+62 22 1234567", "+62-21-5551234",
        "62 21 555 1234", "+62 (22) 720 1234", "0411.852.123", "021 5551234", "0812-3456-7890", "+62 813 1111 2222",
        "081234567890", "3273011234567890", "budi.s@mail.co.id"})
    void strips(String personal) {
        assertEquals("hubungi [data pribadi] ya", PersonalData.strip("hubungi " + personal + " ya"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jam 08.30-09.15", "tanggal 10-03-2026", "2026-03-10", "Rp 150.000", "tiket A-012",
        "loket 3 dan 4", "antre 45 menit", "tahun 2025/2026", "nomor 12345", "pukul 08:30"})
    void keeps(String ordinary) {
        assertEquals("saran " + ordinary + " ya", PersonalData.strip("saran " + ordinary + " ya"));
    }

    @org.junit.jupiter.api.Test
    void severalNumbersInOneSuggestion() {
        assertEquals("Kantor [data pribadi] atau [data pribadi], buka 08.00-15.00.",
                PersonalData.strip("Kantor (022) 720-1234 atau 022-7201235, buka 08.00-15.00."));
    }
}
