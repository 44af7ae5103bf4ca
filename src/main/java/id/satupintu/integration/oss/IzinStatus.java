package id.satupintu.integration.oss;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * OSS's license-status message, {@code {"IZINSTATUS": {...}}}, made at delivery time from an
 * application event and the (nib, id_izin, kd_izin) OSS gave the application. {@code kd_status}
 * is the event's {@code ossStatusCode}, which comes from {@code reference/oss-status.csv}: the
 * mapping stays data. The shape is OSS RBA's receiveLicenseStatus (integration documents 4.3.19,
 * the version whose receiveLicenseStatus 4.3.22 still publishes): {@code id_produk}, {@code oss_id} and
 * {@code kd_instansi} are OSS's own ids kept from its receiveNIB, sent when it gave them. Officers'
 * identities ({@code nip_status}) are not sent.
 */
public final class IzinStatus {

    public static final String FORMAT = "oss-izinstatus";
    private static final DateTimeFormatter OSS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Jakarta");

    private IzinStatus() {
    }

    /** The permit as OSS named it in receiveNIB; the last three are null when OSS did not send them. */
    public record Permit(String nib, String idProyek, String idIzin, String kdIzin, String ossId, String idProduk,
                         String kdInstansi) {
    }

    /** {@code tgl_status} is the event's time on the site's clock, as OSS writes times (no zone). */
    public static JsonObject of(Permit permit, JsonObject payload, OffsetDateTime at, String siteZone) {
        JsonObject status = new JsonObject().put("nib", permit.nib());
        putIfPresent(status, "id_produk", permit.idProduk());
        status.put("id_proyek", permit.idProyek());
        putIfPresent(status, "oss_id", permit.ossId());
        status.put("id_izin", permit.idIzin())
                .put("kd_izin", permit.kdIzin());
        putIfPresent(status, "kd_instansi", permit.kdInstansi());
        status
                .put("kd_status", payload.getValue("ossStatusCode") == null ? null
                        : String.valueOf(payload.getValue("ossStatusCode")))
                .put("tgl_status", OSS_TIME.format(at.atZoneSameInstant(zone(siteZone))))
                // OSS's name of the status; ours is the application's state.
                .put("nama_status", payload.getString("state"))
                .put("keterangan", keterangan(payload));
        return new JsonObject().put("IZINSTATUS", status);
    }

    private static void putIfPresent(JsonObject json, String field, String value) {
        if (value != null && !value.isBlank()) {
            json.put(field, value);
        }
    }

    /**
     * Why OSS refused a message it answered with HTTP 2xx: its {@code responreceiveLicenseStatus.kode}
     * is not 200 (4.3.19 answers {@code {"kode": 400, "keterangan": "Data izin tidak ditemukan"}}).
     * Null when it accepted it, or when the answer is not OSS's shape (nothing to go by but the status).
     */
    public static String refusal(String answer) {
        JsonObject body;
        try {
            Object parsed = answer == null || answer.isBlank() ? null : Json.decodeValue(answer);
            body = parsed instanceof JsonObject object ? object.getJsonObject("responreceiveLicenseStatus") : null;
        } catch (DecodeException | ClassCastException notOssShape) {
            return null;
        }
        if (body == null || body.getValue("kode") == null) {
            return null;
        }
        String kode = String.valueOf(body.getValue("kode")).strip();
        if (kode.equals("200")) {
            return null;
        }
        Object keterangan = body.getValue("keterangan");
        return "OSS kode " + kode + (keterangan == null ? "" : ": " + keterangan);
    }

    /** The public reason or note of the step when there is one, else what happened in our words. */
    private static String keterangan(JsonObject payload) {
        String reason = payload.getString("reason");
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        String note = payload.getString("note");
        if (note != null && !note.isBlank()) {
            return note;
        }
        return payload.getString("action") + ": " + payload.getString("state");
    }

    private static ZoneId zone(String siteZone) {
        if (siteZone == null) {
            return FALLBACK_ZONE;
        }
        try {
            return ZoneId.of(siteZone);
        } catch (DateTimeException unknown) {
            return FALLBACK_ZONE;
        }
    }
}
