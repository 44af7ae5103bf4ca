package id.satupintu.integration.oss;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to receiveNIB in one of two shapes (absent fields are left out):
 * <ul>
 * <li>OSS's own, as OSS RBA's integration documents (4.3.19 to 4.3.22) publish it and OSS reads it:
 * {@code {"responreceiveNIB": {"status": "1"|"2", "keterangan": "..."}}}, 1 when every checklist item
 * was opened or already known, 2 otherwise (the keterangan names the items that were not);</li>
 * <li>the richer one an integrator asks for with {@code ?answer=items}: {@code kode} 200 or 207, the
 * NIB, and each checklist item's own result.</li>
 * </ul>
 */
public record ReceiveNibAnswer(@JsonProperty("responreceiveNIB") Body body) {

    /** OSS's status for a message stored whole, and for one that was not. */
    static final String STORED = "1";
    static final String NOT_STORED = "2";
    /** OSS's keterangan is a String(255). */
    static final int MAX_KETERANGAN = 255;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(@JsonProperty("status") String status, @JsonProperty("kode") Integer kode,
                       @JsonProperty("keterangan") String keterangan, @JsonProperty("nib") String nib,
                       @JsonProperty("data_checklist") List<OssReceiver.ItemResult> items) {
    }

    static ReceiveNibAnswer oss(boolean stored, String keterangan) {
        String text = keterangan.length() <= MAX_KETERANGAN ? keterangan : keterangan.substring(0, MAX_KETERANGAN - 1) + "…";
        return new ReceiveNibAnswer(new Body(stored ? STORED : NOT_STORED, null, text, null, null));
    }

    static ReceiveNibAnswer items(boolean all, String keterangan, String nib, List<OssReceiver.ItemResult> items) {
        return new ReceiveNibAnswer(new Body(null, all ? 200 : 207, keterangan, nib, items));
    }
}
