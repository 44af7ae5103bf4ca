package id.satupintu.integration.oss;

import id.satupintu.identity.TokenService;
import id.satupintu.integration.IntegrationConfig;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * OSS RBA's authentication of receiveNIB, as its integration documents (4.3.19 to 4.3.22) publish it:
 * header {@code Token: SHA1(USERNAME + PASSWORD + NIB + DATE(Ymd))}, hex. The NIB is the message's own,
 * so a token opens only that business's message, and the date is OSS's (WIB), so a token is good for one
 * day. Around midnight both dates count for a few minutes, as the two clocks never agree to the second.
 * A token that matches makes the caller the API client the operator named for OSS, as it is stored now.
 */
@ApplicationScoped
class OssToken {

    static final String HEADER = "Token";
    private static final ZoneId OSS_ZONE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    IntegrationConfig config;

    @Inject
    Clock clock;

    @Inject
    TokenService tokens;

    /** The OSS client when the token is right for this NIB today; 401 {@code oss-token-invalid} otherwise. */
    Uni<Caller> caller(String token, String nib) {
        IntegrationConfig.Oss oss = config.oss();
        if (oss.tokenUsername().isEmpty() || oss.tokenPassword().isEmpty() || oss.tokenClient().isEmpty()
                || token == null || token.isBlank() || token.length() > 100 || nib == null) {
            return Uni.createFrom().failure(invalid());
        }
        byte[] given = token.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matches = false;
        for (LocalDate date : dates(clock.now(), Duration.ofMinutes(oss.tokenDateSlackMinutes()))) {
            byte[] expected = expected(oss.tokenUsername().get(), oss.tokenPassword().get(), nib, date)
                    .getBytes(StandardCharsets.US_ASCII);
            // Every candidate is compared, in constant time, so the answer's timing says nothing.
            matches |= MessageDigest.isEqual(expected, given);
        }
        if (!matches) {
            return Uni.createFrom().failure(invalid());
        }
        return tokens.activeClient(oss.tokenClient().get())
                .onFailure(ProblemException.class).transform(revoked -> invalid());
    }

    /** SHA1(username + password + nib + yyyyMMdd) in lower-case hex: what OSS sends. */
    static String expected(String username, String password, String nib, LocalDate date) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((username + password + nib + YMD.format(date)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Today in WIB, and the neighbouring date when now is within the slack of midnight. */
    static Set<LocalDate> dates(Instant now, Duration slack) {
        Set<LocalDate> dates = new LinkedHashSet<>();
        dates.add(LocalDate.ofInstant(now, OSS_ZONE));
        dates.add(LocalDate.ofInstant(now.minus(slack), OSS_ZONE));
        dates.add(LocalDate.ofInstant(now.plus(slack), OSS_ZONE));
        return dates;
    }

    private static ProblemException invalid() {
        return new ProblemException(401, "oss-token-invalid");
    }
}
