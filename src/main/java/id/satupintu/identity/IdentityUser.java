package id.satupintu.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A person who signs in with a password: a citizen or a member of staff. Inserted and its NIK's state
 * changed with plain SQL (CitizenSignUp, NikClaims), so concurrent sign-ups and confirmations cannot
 * step on each other.
 */
@Entity
@Table(name = "identity_user")
public class IdentityUser extends PanacheEntityBase {

    @Id
    public UUID id;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "site_code")
    public String siteCode;
    public String email;
    @Column(name = "nik_index")
    public String nikIndex;
    @Column(name = "nik_encrypted")
    public String nikEncrypted;
    @Column(name = "phone_encrypted")
    public String phoneEncrypted;
    @Enumerated(EnumType.STRING)
    @Column(name = "nik_state")
    public NikState nikState;
    @Column(name = "nik_verification_method")
    public String nikVerificationMethod;
    @Column(name = "nik_verified_at")
    public OffsetDateTime nikVerifiedAt;
    @Column(name = "nik_verified_site")
    public String nikVerifiedSite;
    public boolean active;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Uni<IdentityUser> findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(java.util.Locale.ROOT)).firstResult();
    }

    /** Every account claiming the NIK of this blind index, newest first (more than one until it is settled). */
    public static Uni<List<IdentityUser>> claimantsOf(String nikIndex) {
        return find("nikIndex = ?1 order by createdAt desc, id", nikIndex).list();
    }
}
