package id.satupintu.homevisit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A team's day out: where, when, who, how many places are taken and how many are left. */
public record VisitDay(UUID id, String agencyCode, String siteCode, LocalDate date, String team, List<String> members,
                       int capacity, int booked, int left) {

    static final String SELECT = "select id, agency_code, site_code, visit_date, team, members, capacity, booked "
            + "from home_visit_day ";

    static VisitDay of(Row row) {
        return new VisitDay(row.getUUID("id"), row.getString("agency_code"), row.getString("site_code"),
                row.getLocalDate("visit_date"), row.getString("team"), List.of(row.getArrayOfStrings("members")),
                row.getInteger("capacity"), row.getInteger("booked"),
                row.getInteger("capacity") - row.getInteger("booked"));
    }
}
