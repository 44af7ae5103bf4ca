package id.satupintu.integration.oss;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The subset of OSS RBA's {@code receiveNIB} message that opens applications, with OSS's own field
 * names. Everything else OSS sends (company identity, shareholders, investment figures...) is
 * ignored: the applications need only the business (NIB), the project's KBLI and the checklist, and
 * OSS's own ids ({@code oss_id}, {@code id_produk}, {@code kd_instansi}) are kept to be sent back in
 * receiveLicenseStatus.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiveNib(@JsonProperty("dataNIB") DataNib dataNib) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataNib(@JsonProperty("nib") String nib,
                          @JsonProperty("oss_id") String ossId,
                          @JsonProperty("nama_perseroan") String namaPerseroan,
                          @JsonProperty("data_proyek") List<Proyek> dataProyek,
                          @JsonProperty("data_checklist") List<Checklist> dataChecklist) {
    }

    /** A project: its KBLI is the checklist item's when the item names none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proyek(@JsonProperty("id_proyek") String idProyek,
                         @JsonProperty("kbli") String kbli,
                         @JsonProperty("alamat_usaha") String alamatUsaha) {
    }

    /** One permit (izin) the business needs: {@code kd_izin} says which, {@code id_izin} is OSS's id of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checklist(@JsonProperty("id_produk") String idProduk,
                            @JsonProperty("id_izin") String idIzin,
                            @JsonProperty("kd_izin") String kdIzin,
                            @JsonProperty("id_proyek") String idProyek,
                            @JsonProperty("kbli") String kbli,
                            @JsonProperty("nama_izin") String namaIzin,
                            @JsonProperty("kd_instansi") String kdInstansi) {
    }
}
