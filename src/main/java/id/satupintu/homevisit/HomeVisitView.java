package id.satupintu.homevisit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * A home visit as the caller may see it. NIK, phone and the address line are in full only for the staff on the
 * team of the visit's day (who go to the door); everyone else gets the NIK and phone masked and no address line.
 * The area and the coordinates are there for the agency's map and for the citizen.
 */
@Name("HomeVisit")
public record HomeVisitView(String id, String serviceCode, String agencyCode, String siteCode, Relation relation,
                            HomeVisitCategory category, String reason, String nik, String phone, Place address,
                            List<Weekday> preferredDays, HomeVisitState state, Visit visit, String outcomeReason,
                            String applicationTrackingNumber, LocalDate requestedOn, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt, boolean personalDataInFull) {

    /** Where to go; {@code line} is null unless the caller visits. */
    @Name("HomeVisitPlace")
    public record Place(String line, String kelurahan, String kecamatan, double latitude, double longitude) {
    }

    /** The day and time window the citizen was told, and the team. */
    @Name("HomeVisitSlot")
    public record Visit(String visitDayId, LocalDate date, LocalTime windowStart, LocalTime windowEnd, String team) {
    }
}
