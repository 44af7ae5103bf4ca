package id.satupintu.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataProtectionTest {

    private static final String KEY_1 = key("a");
    private static final String KEY_2 = key("b");
    private static final String INDEX = key("i");

    @Test
    void encryptsWithAFreshIvAndDecrypts() {
        var pii = new PersonalDataProtection(Optional.of(KEY_1), Optional.of(INDEX), 1, Optional.empty());
        String a = pii.encrypt("3602041211870001");
        String b = pii.encrypt("3602041211870001");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("k1:"));
        assertTrue(!a.contains("3602041211870001"));
        assertEquals("3602041211870001", pii.decrypt(a));
    }

    @Test
    void oldValuesStayReadableAfterKeyRotation() {
        var before = new PersonalDataProtection(Optional.of(KEY_1), Optional.of(INDEX), 1, Optional.empty());
        String old = before.encrypt("081234567890");
        var after = new PersonalDataProtection(Optional.of(KEY_2), Optional.of(INDEX), 2,
                Optional.of(List.of("1:" + KEY_1)));
        assertEquals("081234567890", after.decrypt(old));
        assertTrue(after.encrypt("081234567890").startsWith("k2:"));
        var withoutOldKey = new PersonalDataProtection(Optional.of(KEY_2), Optional.of(INDEX), 2, Optional.empty());
        assertThrows(IllegalStateException.class, () -> withoutOldKey.decrypt(old));
    }

    @Test
    void tamperedValueIsRefused() {
        var pii = new PersonalDataProtection(Optional.of(KEY_1), Optional.of(INDEX), 1, Optional.empty());
        String value = pii.encrypt("3602041211870001");
        // A middle symbol: the last base64 symbol may carry only padding bits, which decoding ignores.
        int at = value.length() / 2 + 4;
        char symbol = value.charAt(at);
        String tampered = value.substring(0, at) + (symbol == 'A' ? 'B' : 'A') + value.substring(at + 1);
        assertThrows(IllegalStateException.class, () -> pii.decrypt(tampered));
    }

    @Test
    void blindIndexIsDeterministicKeyedAndSeparatedByPurpose() {
        var pii = new PersonalDataProtection(Optional.of(KEY_1), Optional.of(INDEX), 1, Optional.empty());
        var otherKey = new PersonalDataProtection(Optional.of(KEY_1), Optional.of(key("j")), 1, Optional.empty());
        assertEquals(pii.blindIndex("nik", "3602041211870001"), pii.blindIndex("nik", "3602041211870001"));
        assertNotEquals(pii.blindIndex("nik", "3602041211870001"), pii.blindIndex("phone", "3602041211870001"));
        assertNotEquals(pii.blindIndex("nik", "3602041211870001"), otherKey.blindIndex("nik", "3602041211870001"));
    }

    @Test
    void refusesToStartWithoutKeys() {
        var missing = assertThrows(IllegalStateException.class,
                () -> new PersonalDataProtection(Optional.empty(), Optional.of(INDEX), 1, Optional.empty()));
        assertTrue(missing.getMessage().contains("SATUPINTU_PII_ENCRYPTION_KEY"), missing.getMessage());
        var noIndex = assertThrows(IllegalStateException.class,
                () -> new PersonalDataProtection(Optional.of(KEY_1), Optional.of(" "), 1, Optional.empty()));
        assertTrue(noIndex.getMessage().contains("SATUPINTU_PII_INDEX_KEY"), noIndex.getMessage());
        var shortKey = assertThrows(IllegalStateException.class, () -> new PersonalDataProtection(
                Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Optional.of(INDEX), 1, Optional.empty()));
        assertTrue(shortKey.getMessage().contains("32"), shortKey.getMessage());
    }

    @Test
    void masks() {
        assertEquals("3273********0001", PersonalDataProtection.maskNik("3273015708900001"));
        assertEquals("0812****7890", PersonalDataProtection.maskPhone("081234567890"));
        assertEquals("0812*****7890", PersonalDataProtection.maskPhone("0812345677890"));
    }

    private static String key(String fill) {
        return Base64.getEncoder().encodeToString(fill.repeat(32).getBytes(StandardCharsets.US_ASCII));
    }
}
