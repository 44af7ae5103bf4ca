package id.satupintu.queue.counter;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;
import java.util.UUID;

public record Lane(UUID id, String siteCode, String prefix, String name, List<String> serviceCodes, int dailyQuota) {

    public static final String COLUMNS = "id, site_code, prefix, name, service_codes, daily_quota";

    public static Lane of(Row row) {
        return new Lane(row.getUUID("id"), row.getString("site_code"), row.getString("prefix"), row.getString("name"),
                List.of(row.getArrayOfStrings("service_codes")), row.getInteger("daily_quota"));
    }
}
