package id.satupintu.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The signed-in user or API client as shown to themselves. NIK and phone are always masked.
 *
 * @param kind            "user" or "client"
 * @param nikVerification where the NIK stands; null for accounts without a NIK (staff, clients)
 * @param notices         what the account is told, newest first; null when there is nothing
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Me(String id, String kind, String username, String name, List<String> roles, String agencyCode,
                 String siteCode, List<String> scopes, String nik, String phone, String email,
                 NikVerification nikVerification, List<AccountNotice> notices) {
}
