package id.satupintu.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingNumbersTest {

    @Test
    void carriesTheSiteAndLocalDateAndValidates() {
        String number = TrackingNumbers.next("MPP-BDG", LocalDate.of(2026, 11, 23));
        assertTrue(number.startsWith("BDG-261123-"), number);
        assertTrue(TrackingNumbers.isWellFormed(number), number);
    }

    @Test
    void aMistypedOrSwappedSymbolIsCaught() {
        for (int i = 0; i < 200; i++) {
            String number = TrackingNumbers.next("MPP-BDG", LocalDate.of(2026, 1, 5));
            char[] chars = number.toCharArray();
            int at = 11 + (i % 5);
            char a = chars[at];
            char b = chars[at + 1];
            if (a != b) {
                chars[at] = b;
                chars[at + 1] = a;
                assertFalse(TrackingNumbers.isWellFormed(new String(chars)), "swap in " + number);
            }
            chars = number.toCharArray();
            chars[at] = chars[at] == '7' ? '8' : '7';
            assertFalse(TrackingNumbers.isWellFormed(new String(chars)), "typo in " + number);
        }
    }

    /**
     * Random, not counted: consecutive numbers are unrelated. Among 10,000 draws from 32^6 values a
     * repeat or two is expected (the database's unique index makes the filer draw again); more than
     * ten would mean the symbols are not random.
     */
    @Test
    void notSequential() {
        Set<String> seen = new HashSet<>();
        int ascending = 0;
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String number = TrackingNumbers.next("MPP-BDG", LocalDate.of(2026, 1, 5));
            seen.add(number);
            if (number.compareTo(previous) > 0) {
                ascending++;
            }
            previous = number;
        }
        assertTrue(seen.size() >= 9_990, seen.size() + " distinct");
        assertTrue(ascending > 4_000 && ascending < 6_000, ascending + " of 10000 were above the one before");
    }

    /** The five check symbols beyond the base-32 ones, which older numbers may end in: hard to say or type. */
    static final String OLD_CHECK_SYMBOLS = "*~$=U";

    /** A number of the old kind, as issued before: its check symbol one of {@link #OLD_CHECK_SYMBOLS}. */
    static String oldNumber(String siteCode, LocalDate date, char checkSymbol) {
        while (true) {
            String number = TrackingNumbers.next(siteCode, date);
            for (int i = 0; i < 32; i++) {
                // The same shape with other random symbols, until one's check is the asked-for symbol.
                String body = number.substring(0, number.lastIndexOf('-') - 1) + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".charAt(i);
                if (TrackingNumbers.check(body) == checkSymbol) {
                    return body + "-" + checkSymbol;
                }
            }
        }
    }

    @Test
    void newNumbersEndInADigitOrALetterOfTheirAlphabet() {
        for (int i = 0; i < 10_000; i++) {
            String number = TrackingNumbers.next("MPP-BDG", LocalDate.of(2026, 1, 5));
            char check = number.charAt(number.length() - 1);
            assertTrue("0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(check) >= 0, number);
            assertTrue(TrackingNumbers.isWellFormed(number), number);
        }
    }

    @Test
    void numbersWithTheOldCheckSymbolsStayValid() {
        for (char symbol : OLD_CHECK_SYMBOLS.toCharArray()) {
            String number = oldNumber("MPP-BDG", LocalDate.of(2026, 1, 5), symbol);
            assertTrue(TrackingNumbers.isWellFormed(number), number);
            assertTrue(TrackingNumbers.isWellFormed(TrackingNumbers.normalize(number.toLowerCase())), number);
            String other = number.substring(0, number.length() - 1) + OLD_CHECK_SYMBOLS.charAt(
                    (OLD_CHECK_SYMBOLS.indexOf(symbol) + 1) % OLD_CHECK_SYMBOLS.length());
            assertFalse(TrackingNumbers.isWellFormed(other), other);
        }
    }

    @Test
    void normalizesWhatPeopleType() {
        String number = TrackingNumbers.next("MPP-BDG", LocalDate.of(2026, 1, 5));
        assertEquals(number, TrackingNumbers.normalize(" " + number.toLowerCase() + " "));
        assertFalse(TrackingNumbers.isWellFormed("BDG-260105"));
        assertFalse(TrackingNumbers.isWellFormed(null));
    }
}
