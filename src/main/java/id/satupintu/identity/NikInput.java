package id.satupintu.identity;

import id.satupintu.platform.privacy.PersonalDataProtection;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The NIK as read off the KTP that staff have in front of them, to find the accounts claiming it.
 */
@RegisterForReflection
public record NikInput(String nik) {

    @Override
    public String toString() {
        return "NikInput[nik=" + PersonalDataProtection.maskNik(nik) + "]";
    }
}
