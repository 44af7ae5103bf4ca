package id.satupintu.complaint;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One step, response, note or reply on a complaint; append-only (a database trigger refuses changes). */
@Entity
@Immutable
@Table(name = "complaint_history")
public class ComplaintHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "complaint_id")
    public UUID complaintId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ComplaintState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ComplaintState toState;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "agency_code")
    public String agencyCode;
    public String note;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public String reason;
    public OffsetDateTime at;
}
