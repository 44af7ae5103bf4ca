package id.satupintu.complaint.open311;

import id.satupintu.catalog.SiteProfile;
import id.satupintu.catalog.SiteService;
import id.satupintu.complaint.ComplaintConfig;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * GeoReport's jurisdiction_id is a site's code (MPP-BDG): one SatuPintu serves many sites, so the
 * specification makes the parameter required ("only required if the endpoint serves multiple
 * jurisdictions"). A deployment for a single site names it in satupintu.open311.default-jurisdiction,
 * and then clients may leave the parameter out, as the specification allows.
 */
@ApplicationScoped
class Open311Jurisdictions {

    static final int MAX_LENGTH = 40;

    @Inject
    SiteService sites;

    @Inject
    ComplaintConfig config;

    /** The site a jurisdiction_id names: 400 when missing (and no default), 404 when unknown. */
    public Uni<SiteProfile> site(String jurisdictionId) {
        String code = jurisdictionId == null || jurisdictionId.isBlank()
                ? config.open311().defaultJurisdiction().filter(d -> !d.isBlank()).orElse(null)
                : jurisdictionId.strip();
        if (code == null) {
            return Uni.createFrom().failure(ProblemException.validation("jurisdiction_id", "required"));
        }
        if (code.length() > MAX_LENGTH) {
            return Uni.createFrom().failure(ProblemException.validation("jurisdiction_id", "size", 1, MAX_LENGTH));
        }
        String shown = code;
        return sites.find(code.toUpperCase(Locale.ROOT))
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                        ? new ProblemException(404, "open311-jurisdiction-not-found", shown) : e);
    }
}
