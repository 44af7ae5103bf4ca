package id.satupintu.catalog.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;

/** One national holiday or cuti bersama day. */
@Entity
@Table(name = "holiday")
public class Holiday extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public LocalDate date;
    @Enumerated(EnumType.STRING)
    public HolidayKind kind;
    public String name;
    public String source;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
}
