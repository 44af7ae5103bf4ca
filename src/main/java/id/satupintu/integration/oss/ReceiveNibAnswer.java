package id.satupintu.integration.oss;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * OSS's answer envelope {@code {"responreceiveNIB": {"kode", "keterangan"}}}, with each checklist
 * item's own result added: {@code kode} 200 when every item was opened or already known, 207 when
 * some were not (those items say why).
 */
public record ReceiveNibAnswer(@JsonProperty("responreceiveNIB") Body body) {

    public record Body(@JsonProperty("kode") int kode, @JsonProperty("keterangan") String keterangan,
                       @JsonProperty("nib") String nib,
                       @JsonProperty("data_checklist") List<OssReceiver.ItemResult> items) {
    }
}
