package id.satupintu.catalog.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;

/** Days a single site is closed (a regional holiday, renovation, a disaster), both ends included. */
@Entity
@Table(name = "site_closure")
public class SiteClosure extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public String reason;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
}
