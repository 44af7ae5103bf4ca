package id.satupintu.integration.oss;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * OSS's license-status message, {@code {"IZINSTATUS": {...}}}, made at delivery time from an
 * application event and the (nib, id_izin, kd_izin) OSS gave the application. {@code kd_status}
 * is the event's {@code ossStatusCode}, which comes from {@code reference/oss-status.csv}: the
 * mapping stays data. Officers' identities ({@code nip_status}) are not sent; {@code id_produk},
 * {@code oss_id} and {@code kd_instansi} are not kept from receiveNIB and not sent either.
 */
public final class IzinStatus {

    public static final String FORMAT = "oss-izinstatus";
    private static final DateTimeFormatter OSS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Jakarta");

    private IzinStatus() {
    }

    /** {@code tgl_status} is the event's time on the site's clock, as OSS writes times (no zone). */
    public static JsonObject of(String nib, String idProyek, String idIzin, String kdIzin, JsonObject payload, OffsetDateTime at,
                                String siteZone) {
        JsonObject status = new JsonObject()
                .put("nib", nib)
                .put("id_proyek", idProyek)
                .put("id_izin", idIzin)
                .put("kd_izin", kdIzin)
                .put("kd_status", payload.getValue("ossStatusCode") == null ? null
                        : String.valueOf(payload.getValue("ossStatusCode")))
                .put("tgl_status", OSS_TIME.format(at.atZoneSameInstant(zone(siteZone))))
                // OSS's name of the status; ours is the application's state.
                .put("nama_status", payload.getString("state"))
                .put("nomor_permohonan", payload.getString("trackingNumber"))
                .put("keterangan", keterangan(payload));
        return new JsonObject().put("IZINSTATUS", status);
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
