package id.satupintu.identity;

import id.satupintu.platform.security.Digests;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The RS256 key pair that signs and verifies access tokens. Production passes both PEMs (from a
 * Kubernetes Secret); dev and test may let the service make a pair at start. Verification is
 * configured from the same pair here, so the issuer and the verifier can never disagree.
 */
@Singleton
class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final String issuer;

    /** The issuer is MicroProfile JWT's own property, which also verifies tokens: read as it is. */
    public SigningKeys(IdentityConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        Optional<String> privatePem = config.jwt().privateKey();
        Optional<String> publicPem = config.jwt().publicKey();
        boolean generate = config.jwt().generateKeys();
        try {
            if (privatePem.isPresent() && publicPem.isPresent()) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                this.privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privatePem.get())));
                this.publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pemBody(publicPem.get())));
            } else if (generate) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                this.privateKey = pair.getPrivate();
                this.publicKey = (RSAPublicKey) pair.getPublic();
                LOG.warn("Signing tokens with a key pair made at start: tokens will not survive a restart");
            } else {
                throw new IllegalStateException("Set SATUPINTU_JWT_PRIVATE_KEY and SATUPINTU_JWT_PUBLIC_KEY (PEM), "
                        + "or SATUPINTU_JWT_GENERATE_KEYS=true outside production");
            }
            byte[] thumbprint = Digests.sha256(publicKey.getEncoded());
            this.keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT keys are not valid PEM RSA keys", e);
        }
        this.issuer = issuer;
    }

    public PrivateKey privateKey() { return privateKey; }
    public String keyId() { return keyId; }
    public String issuer() { return issuer; }

    /** The public key as a JWK (RFC 7517), for {@code /.well-known/jwks.json}. */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", base64Url(publicKey.getModulus()));
        jwk.put("e", base64Url(publicKey.getPublicExponent()));
        return jwk;
    }

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    JWTAuthContextInfo verification() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(publicKey, issuer);
        info.setExpGracePeriodSecs(30);
        return info;
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END)[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
