package id.satupintu.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A physical service location (MPP or PTSP office) with its own time zone and opening hours.
 */
@Entity
@Table(name = "site")
public class Site extends CatalogEntity {

    public String code;
    public String kind;
    public String name;
    public String address;
    public String city;
    @Column(name = "province_code")
    public String provinceCode;
    public Double latitude;
    public Double longitude;
    @Column(name = "time_zone")
    public String timeZone;
    public String phone;
    public String email;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "opening_hours")
    public WeeklyHours openingHours = new WeeklyHours(List.of());
}

