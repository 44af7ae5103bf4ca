package id.satupintu.platform.privacy;

import id.satupintu.platform.PlatformConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects identifiers that are personal data (NIK, phone numbers) at rest, for every feature.
 * <ul>
 * <li>{@link #encrypt}/{@link #decrypt}: AES-256-GCM with a random 96-bit IV per value. The text
 * reads {@code k<version>:<base64(iv|ciphertext|tag)>}; the version names the key, so a new key can
 * be introduced ({@code satupintu.pii.encryption-key-version}) while retired keys
 * ({@code satupintu.pii.retired-encryption-keys=1:<base64>,...}) still decrypt old values.</li>
 * <li>{@link #blindIndex}: HMAC-SHA256 of a normalized value under a separate key, so equal values
 * can be found and kept unique without decrypting. The purpose is mixed in, so a NIK and a phone
 * number never share an index value. Changing the index key means recomputing every index.</li>
 * </ul>
 * The service refuses to start without both keys: there is no safe default for production.
 */
@Startup
@ApplicationScoped
public class PersonalDataProtection {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int currentVersion;
    private final Map<Integer, SecretKey> keys = new HashMap<>();
    private final SecretKeySpec indexKey;

    @Inject
    public PersonalDataProtection(PlatformConfig config) {
        this(config.pii().encryptionKey(), config.pii().indexKey(), config.pii().encryptionKeyVersion(),
                config.pii().retiredEncryptionKeys());
    }

    public PersonalDataProtection(Optional<String> encryptionKey, Optional<String> indexKey, int currentVersion,
                                  Optional<List<String>> retired) {
        this.currentVersion = currentVersion;
        this.keys.put(currentVersion, new SecretKeySpec(
                key("satupintu.pii.encryption-key (SATUPINTU_PII_ENCRYPTION_KEY)", encryptionKey, true), "AES"));
        this.indexKey = new SecretKeySpec(
                key("satupintu.pii.index-key (SATUPINTU_PII_INDEX_KEY)", indexKey, false), "HmacSHA256");
        for (String entry : retired.orElse(List.of())) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("satupintu.pii.retired-encryption-keys entries read <version>:<base64 key>");
            }
            int version = Integer.parseInt(entry.substring(0, colon).trim());
            if (version != currentVersion) {
                keys.put(version, new SecretKeySpec(key("retired key " + version,
                        Optional.of(entry.substring(colon + 1).trim()), true), "AES"));
            }
        }
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentVersion), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(currentVersion));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "k" + currentVersion + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt personal data", e);
        }
    }

    public String decrypt(String stored) {
        int colon = stored.indexOf(':');
        if (!stored.startsWith("k") || colon < 2) {
            throw new IllegalStateException("Not a protected value");
        }
        int version = Integer.parseInt(stored.substring(1, colon));
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new IllegalStateException("No key of version " + version + " is configured to decrypt personal data");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(version));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt personal data (wrong key or damaged value)", e);
        }
    }

    /** Keyed, deterministic index of a normalized value for a purpose such as "nik" or "phone". */
    public String blindIndex(String purpose, String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a blind index", e);
        }
    }

    /** {@code 3273********0001}: province and regency stay readable, birth date and district do not. */
    public static String maskNik(String nik) {
        return nik == null ? null : maskMiddle(nik, 4, 4);
    }

    /** {@code 0812****7890}. */
    public static String maskPhone(String phone) {
        return phone == null ? null : maskMiddle(phone, 4, 4);
    }

    /** {@code b****@example.com}: enough for its owner to recognise it, not to write to it. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 1 ? "*" + email.substring(Math.max(at, 0)) : email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
    }

    private static String maskMiddle(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    private static byte[] aad(int version) {
        return ("satupintu-pii-k" + version).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-256 needs exactly 32 bytes; the HMAC key may be longer but not weaker. */
    private static byte[] key(String name, Optional<String> base64, boolean exact) {
        if (base64.isEmpty() || base64.get().isBlank()) {
            throw new IllegalStateException("Personal data keys are missing: set " + name
                    + " to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`). "
                    + "SatuPintu does not start without them.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.get().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64", e);
        }
        if (exact ? key.length != 32 : key.length < 32) {
            throw new IllegalStateException(name + " must be base64 of 32 random bytes, got " + key.length);
        }
        return key;
    }
}
