package id.satupintu.identity;

import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A supervisor's decision on a disputed NIK: the account that keeps it (verified), and why; every
 * other account claiming it is rejected and told.
 */
@RegisterForReflection
public record NikSettlement(String nik, String keepAccountId, String note) {

    @Override
    public String toString() {
        return "NikSettlement[nik=" + PersonalDataProtection.maskNik(nik) + ", keepAccountId=" + keepAccountId + "]";
    }
}
