package id.satupintu.homevisit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A home visit request as stored, with its visit day when it has one; personal data still encrypted. */
record HomeVisit(UUID id, String serviceCode, String agencyCode, String siteCode, String requesterId, Relation relation,
                 HomeVisitCategory category, String reason, String nik, String address, String phone, String kecamatan,
                 String kelurahan, List<Weekday> preferredDays, HomeVisitState state, UUID visitDayId,
                 LocalDate visitDate, String team, List<String> members, LocalTime windowStart, LocalTime windowEnd,
                 String outcomeReason, String applicationTracking, LocalDate requestedOn, OffsetDateTime createdAt,
                 OffsetDateTime updatedAt) {

    static final String SELECT = "select h.*, d.visit_date, d.team, d.members from home_visit h "
            + "left join home_visit_day d on d.id = h.visit_day_id ";

    static HomeVisit of(Row row) {
        String[] members = row.getArrayOfStrings("members");
        return new HomeVisit(row.getUUID("id"), row.getString("service_code"), row.getString("agency_code"),
                row.getString("site_code"), row.getString("requester_id"), Relation.valueOf(row.getString("relation")),
                HomeVisitCategory.valueOf(row.getString("category")), row.getString("reason"), row.getString("nik"),
                row.getString("address"), row.getString("phone"), row.getString("kecamatan"), row.getString("kelurahan"),
                Arrays.stream(row.getArrayOfStrings("preferred_days")).map(Weekday::valueOf).toList(),
                HomeVisitState.valueOf(row.getString("state")), row.getUUID("visit_day_id"),
                row.getLocalDate("visit_date"), row.getString("team"), members == null ? List.of() : List.of(members),
                row.getLocalTime("window_start"), row.getLocalTime("window_end"), row.getString("outcome_reason"),
                row.getString("application_tracking"), row.getLocalDate("requested_on"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }

    /** What an event says: the state and the day, never the NIK, the address or the phone. */
    Map<String, Object> eventPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id.toString());
        payload.put("serviceCode", serviceCode);
        payload.put("agencyCode", agencyCode);
        payload.put("siteCode", siteCode);
        payload.put("category", category.name());
        payload.put("state", state.name());
        payload.put("visitDate", visitDate == null ? null : visitDate.toString());
        payload.put("windowStart", windowStart == null ? null : windowStart.toString());
        payload.put("windowEnd", windowEnd == null ? null : windowEnd.toString());
        payload.put("applicationTrackingNumber", applicationTracking);
        return payload;
    }
}
