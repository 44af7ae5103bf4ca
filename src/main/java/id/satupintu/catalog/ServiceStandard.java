package id.satupintu.catalog;

import id.satupintu.catalog.service.Service;
import io.smallrye.graphql.api.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The standar pelayanan of one service in one version: the 6 service-delivery and 8 service-management
 * components of UU 25/2009 Pasal 21 (grouping of PermenPANRB 15/2014), the application form and the
 * permit facts. The same shape is written by admins, stored as jsonb and read by other features.
 * Optional lists are {@code @Nullable} so GraphQL does not take their element constraints for "required".
 */
public record ServiceStandard(
        // A. Service delivery, published.
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Requirement> requirements,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> procedure,
        @NotNull @Min(0) @Max(3650) Integer completionDays,
        @Size(max = 1000) String completionNote,
        @NotNull @Min(0) @Max(1_000_000_000_000L) Long tariff,
        @NotBlank @Size(max = 2000) String tariffBasis,
        @NotBlank @Size(max = 1000) String product,
        @NotBlank @Size(max = 4000) String complaintHandling,
        // B. Service management, internal.
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 1000) String> legalBasis,
        @NotBlank @Size(max = 4000) String facilities,
        @NotBlank @Size(max = 4000) String staffCompetence,
        @NotBlank @Size(max = 4000) String internalSupervision,
        @NotBlank @Size(max = 1000) String staffCount,
        @NotBlank @Size(max = 4000) String serviceGuarantee,
        @NotBlank @Size(max = 4000) String securityGuarantee,
        @NotBlank @Size(max = 4000) String performanceEvaluation,
        // The form the applicant fills and the permit facts.
        @Nullable @Size(max = 100) List<@Valid @NotNull FormField> form,
        Boolean deemedApproval,
        @Size(max = 50) String ossPermitCode,
        @Nullable @Size(max = 50) List<@NotNull @Pattern(regexp = "[0-9]{5}") String> kbli,
        @Min(1) @Max(1200) Integer permitValidityMonths,
        // Whether applicants must hold an account whose NIK is verified (seen on a KTP at a counter).
        Boolean verifiedIdentity,
        // Separation of duties (four eyes); absent means the default of the service's type (on for perizinan).
        Boolean separateDuties,
        // Whether the agency may serve this at the citizen's home (jemput bola) for those who cannot come.
        Boolean homeVisit) {

    /** The same standard with absent optional parts made explicit, so stored versions compare equal. */
    public ServiceStandard normalized() {
        return new ServiceStandard(requirements, procedure, completionDays, completionNote, tariff, tariffBasis,
                product, complaintHandling, legalBasis, facilities, staffCompetence, internalSupervision, staffCount,
                serviceGuarantee, securityGuarantee, performanceEvaluation, form == null ? List.of() : form,
                deemedApproval != null && deemedApproval, ossPermitCode, kbli == null ? List.of() : kbli,
                permitValidityMonths, verifiedIdentity != null && verifiedIdentity, separateDuties,
                homeVisit != null && homeVisit);
    }

    /** Whether the standard offers home visits (absent: no). */
    public boolean offersHomeVisit() {
        return homeVisit != null && homeVisit;
    }

    public FormField field(String name) {
        return form == null ? null : form.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
