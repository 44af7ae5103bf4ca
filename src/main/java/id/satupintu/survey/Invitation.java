package id.satupintu.survey;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A survey as the survey endpoints read it by its token's hash: the token's transaction, and its invitation once
 * the service has ended ({@code id} null and {@code state} PENDING before).
 */
record Invitation(UUID id, String kind, UUID transactionId, String siteCode, String agencyCode, String serviceCode,
                  String state, OffsetDateTime endedAt) {

    static final String BY_TOKEN = "select i.id, t.kind, t.transaction_id, coalesce(i.site_code, t.site_code) as site_code, "
            + "coalesce(i.agency_code, t.agency_code) as agency_code, coalesce(i.service_code, t.service_code) "
            + "as service_code, coalesce(i.state, 'PENDING') as state, i.ended_at from survey_token t "
            + "left join survey_invitation i on i.kind = t.kind and i.transaction_id = t.transaction_id "
            + "where t.token_hash = $1";

    static Invitation of(Row row) {
        return new Invitation(row.getUUID("id"), row.getString("kind"), row.getUUID("transaction_id"),
                row.getString("site_code"), row.getString("agency_code"), row.getString("service_code"),
                row.getString("state"), row.getOffsetDateTime("ended_at"));
    }
}
