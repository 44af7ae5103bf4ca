package id.satupintu.application.permit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Name;

/**
 * A permit as its holder and the agency's staff see it (in the application detail), with the
 * verification code to print as a QR code.
 */
@Name("Permit")
public record PermitView(String number, Permit.Basis basis, LocalDate issuedOn, LocalDate validUntil,
                         String verificationCode, Permit.Status status, OffsetDateTime revokedAt,
                         String revocationReason) {

    static PermitView of(Permit p, LocalDate today) {
        return new PermitView(p.number, p.basis, p.issuedOn, p.validUntil, p.verificationCode, p.statusOn(today),
                p.revokedAt, p.revocationReason);
    }
}
