package id.satupintu.platform.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One state change, written in the transaction that made it. {@code stream} names what it
 * belongs to (for example {@code application:<id>} or {@code board:MPP-BDG}); its payload is
 * what the followers of that stream may see, never more.
 */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String stream;

    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
}
