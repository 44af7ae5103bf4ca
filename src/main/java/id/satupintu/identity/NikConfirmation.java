package id.satupintu.identity;

import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Staff at a counter confirming that the account's NIK is the one on the KTP in front of them. */
@RegisterForReflection
public record NikConfirmation(String accountId, String nik) {

    @Override
    public String toString() {
        return "NikConfirmation[accountId=" + accountId + ", nik=" + PersonalDataProtection.maskNik(nik) + "]";
    }
}
