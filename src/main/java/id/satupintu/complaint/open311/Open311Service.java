package id.satupintu.complaint.open311;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Locale;

/** GeoReport v2 on top of the complaint service: its calls, in GeoReport's words and shapes. */
@ApplicationScoped
public class Open311Service {

    @Inject
    Open311Discovery discovery;

    public Uni<Open311Document> discovery(String baseUrl, Locale locale) {
        return Uni.createFrom().item(() -> discovery.document(baseUrl, OffsetDateTime.parse("2026-11-23T00:00:00Z"), locale));
    }
}
