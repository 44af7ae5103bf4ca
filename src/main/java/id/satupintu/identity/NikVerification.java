package id.satupintu.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * Where a citizen account's NIK stands, as shown in {@code /me}.
 *
 * @param method   how it was verified: {@code counter}, {@code dukcapil} or {@code settlement}; null unless verified
 * @param siteCode the site whose staff verified it; null unless verified there
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NikVerification(NikState state, String method, OffsetDateTime verifiedAt, String siteCode) {

    static NikVerification of(IdentityUser user) {
        if (user.nikIndex == null) {
            return null;
        }
        boolean verified = user.nikState == NikState.VERIFIED;
        return new NikVerification(user.nikState, verified ? user.nikVerificationMethod : null,
                verified ? user.nikVerifiedAt : null, verified ? user.nikVerifiedSite : null);
    }
}
