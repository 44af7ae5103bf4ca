package id.satupintu.catalog.service;

import id.satupintu.catalog.Agency;
import id.satupintu.catalog.CatalogEntity;
import id.satupintu.catalog.ServiceType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A kind of service (layanan) an agency offers; its standard lives in versions ({@link StandardVersion}). */
@Entity
@Table(name = "service")
public class Service extends CatalogEntity {

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
}
