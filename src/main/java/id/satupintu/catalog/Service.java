package id.satupintu.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A kind of service (layanan) an agency offers; its standard lives in versions ({@link StandardVersion}). */
@Entity
@Table(name = "service")
public class Service extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public String code;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;
    @Column(name = "name_id")
    public String nameId;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public ServiceType type;
    @Column(name = "current_version")
    public int currentVersion;
    public boolean active = true;
    /** Computed by the database from code and names; read only. */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;
    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
