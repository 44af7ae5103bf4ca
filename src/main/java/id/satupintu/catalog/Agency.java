package id.satupintu.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** An agency (instansi) offering services at one or more sites; the tenant of an MPP. */
@Entity
@Table(name = "agency")
public class Agency extends CatalogEntity {

    public String code;
    public String name;
    @Column(name = "short_name")
    public String shortName;
    @Enumerated(EnumType.STRING)
    public AgencyKind kind;
    public String website;
    public String phone;
    /** Lazy: queries that need it fetch it with {@code join fetch}. */
    @ManyToMany
    @JoinTable(name = "agency_site", joinColumns = @JoinColumn(name = "agency_id"),
            inverseJoinColumns = @JoinColumn(name = "site_id"))
    @OrderBy("code")
    public Set<Site> sites = new LinkedHashSet<>();
}
