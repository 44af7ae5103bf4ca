package id.satupintu.application.permit;

import java.time.LocalDate;

/**
 * The public answer about a permit: its status and public facts only. No holder name, NIK, phone,
 * address or form: whoever scans the code learns whether the paper is genuine and current.
 */
public record PermitVerification(Permit.Status status, String permitNumber, String serviceCode, String agencyCode,
                                 String siteCode, Permit.Basis basis, LocalDate issuedOn, LocalDate validUntil,
                                 LocalDate revokedOn, String revocationReason) {
}
