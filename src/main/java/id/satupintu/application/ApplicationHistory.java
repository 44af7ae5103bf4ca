package id.satupintu.application;

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

/** One step of an application's workflow; append-only (a database trigger refuses changes). */
@Entity
@Immutable
@Table(name = "application_history")
public class ApplicationHistory extends PanacheEntityBase {

    public enum Visibility { PUBLIC, INTERNAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "application_id")
    public UUID applicationId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ApplicationState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ApplicationState toState;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_role")
    public String actorRole;
    public String note;
    @Enumerated(EnumType.STRING)
    @Column(name = "note_visibility")
    public Visibility noteVisibility;
    public String reason;
    public OffsetDateTime at;
    /** For assignment steps: the officer it went to; null when it was released. */
    @Column(name = "assignee_id")
    public String assigneeId;
}
