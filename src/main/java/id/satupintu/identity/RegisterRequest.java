package id.satupintu.identity;

import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A citizen's sign-up. The NIK's structure and the phone number are checked by the service (their
 * rules need more than an annotation). Without a username the citizen signs in with the NIK.
 */
@RegisterForReflection
public record RegisterRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Size(max = 32) String nik,
        @NotBlank @Size(max = 20) String phone,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9._-]{2,63}") String username,
        @NotBlank @Size(min = 10, max = 128) String password) {

    /** Never prints the NIK, the phone number or the password. */
    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", nik=" + PersonalDataProtection.maskNik(nik)
                + ", phone=" + PersonalDataProtection.maskPhone(phone) + "]";
    }
}
