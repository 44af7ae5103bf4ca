package id.satupintu.integration.oss;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.satupintu.application.ApplicationInput;
import id.satupintu.application.ApplicationFiling;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Roles;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OSS's {@code receiveNIB}: each checklist item whose {@code kd_izin} maps to one of our services
 * (table {@code oss_permit_type}) opens a draft application of the business through the ordinary
 * integrator filing, and is remembered by (client, nib, id_izin) so that OSS resending the message gets
 * the same applications back. Per client: another integrator sending the same items opens its own
 * drafts and learns nothing of the first one's filings (it could not read them either). Items are
 * answered one by one: an unknown {@code kd_izin} or an item the filing refuses does not undo the others.
 */
@ApplicationScoped
class OssReceiver {

    static final int MAX_ITEMS = 100;
    private static final Pattern NIB = Pattern.compile("[0-9]{13}");
    private static final int MAX_ID = 100;
    private static final int MAX_CODE = 50;

    /** What happened to one checklist item: OSS-style {@code kode} and {@code keterangan}, and our tracking number. */
    public record ItemResult(@JsonProperty("id_izin") String idIzin, @JsonProperty("kd_izin") String kdIzin,
                             @JsonProperty("kode") int kode, @JsonProperty("status") String status,
                             @JsonProperty("nomor_permohonan") String trackingNumber,
                             @JsonProperty("keterangan") String keterangan) {

        boolean ok() {
            return kode < 300;
        }
    }

    @Inject
    ApplicationFiling applications;

    @Inject
    Messages messages;

    public Uni<List<ItemResult>> receive(Caller caller, ReceiveNib message, Locale locale) {
        if (!caller.client() || !caller.hasRole(Roles.INTEGRATOR) || caller.uuid().isEmpty()) {
            throw ProblemException.forbidden();
        }
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        ReceiveNib.DataNib data = validate(message);
        Map<String, String> projectKbli = data.dataProyek() == null ? Map.of() : data.dataProyek().stream()
                .filter(p -> p != null && p.idProyek() != null && p.kbli() != null)
                .collect(Collectors.toMap(ReceiveNib.Proyek::idProyek, ReceiveNib.Proyek::kbli, (a, b) -> a));
        // A resend of the same items waits on their advisory locks and then finds what the first one
        // opened. The locks are taken first and in sorted order, so two messages naming the same items
        // in different orders cannot deadlock. Then the items, one after another on the one session.
        UUID client = caller.uuid().orElseThrow();
        List<String> keys = data.dataChecklist().stream()
                .map(item -> "oss-permit:" + client + ":" + data.nib() + ":" + item.idIzin()).sorted().toList();
        return Panache.withTransaction(() -> Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(this::lock).collect().last()
                .flatMap(locked -> Multi.createFrom().iterable(data.dataChecklist())
                        .onItem().transformToUniAndConcatenate(item -> item(caller, client, data, item,
                                item.kbli() != null ? item.kbli() : projectKbli.get(item.idProyek()), locale))
                        .collect().asList()));
    }

    /** Held until the transaction ends. */
    private Uni<Object> lock(String key) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked")
                .setParameter(1, key).getSingleResult());
    }

    private Uni<ItemResult> item(Caller caller, UUID client, ReceiveNib.DataNib data, ReceiveNib.Checklist item,
                                 String kbli, Locale locale) {
        String nib = data.nib();
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                select tracking_number from oss_permit where client_id = ?1 and nib = ?2 and id_izin = ?3""",
                                String.class)
                        .setParameter(1, client).setParameter(2, nib).setParameter(3, item.idIzin()).getResultList()
                .flatMap(known -> {
                    if (!known.isEmpty()) {
                        return Uni.createFrom().item(result(item, 200, "existing", known.get(0), locale));
                    }
                    return session.createNativeQuery("select service_code from oss_permit_type where kd_izin = ?1",
                                    String.class)
                            .setParameter(1, item.kdIzin()).getResultList()
                            .flatMap(services -> services.isEmpty()
                                    ? Uni.createFrom().item(result(item, 404, "unmapped", null, locale))
                                    : open(caller, client, data, item, kbli, services.get(0), locale));
                }));
    }

    /** A draft: OSS sends the business and the permit, not our form; the integrator completes and submits it. */
    private Uni<ItemResult> open(Caller caller, UUID client, ReceiveNib.DataNib data, ReceiveNib.Checklist item,
                                 String kbli, String service, Locale locale) {
        String nib = data.nib();
        ApplicationInput input = new ApplicationInput(service, null, true, Map.of(), null, nib, kbli);
        return applications.file(caller, input, null)
                .flatMap(outcome -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                                insert into oss_permit (nib, id_izin, kd_izin, id_proyek, kbli, tracking_number, client_id,
                                                        oss_id, id_produk, kd_instansi)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                        .setParameter(1, nib).setParameter(2, item.idIzin()).setParameter(3, item.kdIzin())
                        .setParameter(4, item.idProyek()).setParameter(5, kbli)
                        .setParameter(6, outcome.body().trackingNumber())
                        .setParameter(7, client)
                        .setParameter(8, blankToNull(data.ossId()))
                        .setParameter(9, blankToNull(item.idProduk()))
                        .setParameter(10, blankToNull(item.kdInstansi()))
                        .executeUpdate())
                        .map(inserted -> result(item, 201, "opened", outcome.body().trackingNumber(), locale)))
                // The filing checks happen before it writes anything, so a refused item leaves the
                // transaction usable for the next one.
                .onFailure(ProblemException.class).recoverWithItem(e -> refused(item, (ProblemException) e, locale));
    }

    private ItemResult result(ReceiveNib.Checklist item, int kode, String status, String trackingNumber, Locale locale) {
        String text = messages.get(locale, "oss-item-" + status, item.kdIzin(), trackingNumber);
        return new ItemResult(item.idIzin(), item.kdIzin(), kode, status, trackingNumber, text);
    }

    private ItemResult refused(ReceiveNib.Checklist item, ProblemException e, Locale locale) {
        String fields = e.fieldErrors() == null || e.fieldErrors().isEmpty() ? ""
                : e.fieldErrors().stream().map(f -> f.field() + ": " + f.code()).collect(Collectors.joining(", ", " (", ")"));
        String text = messages.get(locale, "oss-item-refused", messages.get(locale, e.code() + ".title", e.args()) + fields);
        return new ItemResult(item.idIzin(), item.kdIzin(), e.status(), "refused", null, text);
    }

    /** The whole message is refused (400) only when it is not a receiveNIB at all; items are judged one by one. */
    private static ReceiveNib.DataNib validate(ReceiveNib message) {
        if (message == null || message.dataNib() == null) {
            throw ProblemException.validation("dataNIB", "required");
        }
        ReceiveNib.DataNib data = message.dataNib();
        List<FieldError> errors = new ArrayList<>();
        if (data.ossId() != null && data.ossId().length() > MAX_ID) {
            errors.add(FieldError.of("dataNIB.oss_id", "size", 1, MAX_ID));
        }
        if (data.nib() == null) {
            errors.add(FieldError.of("dataNIB.nib", "required"));
        } else if (!NIB.matcher(data.nib()).matches()) {
            errors.add(FieldError.of("dataNIB.nib", "invalid-format"));
        }
        List<ReceiveNib.Checklist> items = data.dataChecklist();
        if (items == null || items.isEmpty()) {
            errors.add(FieldError.of("dataNIB.data_checklist", "required"));
        } else if (items.size() > MAX_ITEMS) {
            errors.add(FieldError.of("dataNIB.data_checklist", "size", 1, MAX_ITEMS));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                ReceiveNib.Checklist item = items.get(i);
                String at = "dataNIB.data_checklist[" + i + "]";
                if (item == null) {
                    errors.add(FieldError.of(at, "required"));
                    continue;
                }
                check(errors, at + ".id_izin", item.idIzin(), MAX_ID);
                check(errors, at + ".kd_izin", item.kdIzin(), MAX_CODE);
                optional(errors, at + ".id_proyek", item.idProyek());
                optional(errors, at + ".id_produk", item.idProduk());
                optional(errors, at + ".kd_instansi", item.kdInstansi());
                if (item.idIzin() != null && !seen.add(item.idIzin())) {
                    errors.add(FieldError.of(at + ".id_izin", "oss-duplicate-id-izin"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return data;
    }

    private static void optional(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_ID) {
            errors.add(FieldError.of(field, "size", 1, MAX_ID));
        }
    }

    /** OSS sends "" for what it does not have (its examples are all empty strings): not an id. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void check(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "size", 1, max));
        }
    }

}
