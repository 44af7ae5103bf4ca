package id.satupintu.catalog.calendar;

import java.time.LocalDate;
import java.util.UUID;

public record SiteClosureView(UUID id, String siteCode, LocalDate startsOn, LocalDate endsOn, String reason) {

    static SiteClosureView of(SiteClosure closure) {
        return new SiteClosureView(closure.id, closure.siteCode, closure.startsOn, closure.endsOn, closure.reason);
    }
}
