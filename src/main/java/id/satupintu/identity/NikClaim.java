package id.satupintu.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * One account's claim to a NIK, as staff see it when they confirm or settle: NIK and phone masked.
 *
 * @param method how it was verified ({@code counter}, {@code dukcapil}, {@code settlement}); null unless verified
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NikClaim(String accountId, String username, String fullName, String nik, String phone, NikState state,
                       String method, OffsetDateTime verifiedAt, String siteCode, OffsetDateTime createdAt) {
}
