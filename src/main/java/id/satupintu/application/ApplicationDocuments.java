package id.satupintu.application;

import id.satupintu.catalog.DocumentFormat;
import id.satupintu.catalog.Requirement;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceStandard;
import id.satupintu.identity.Caller;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The documents (persyaratan) of an application: one current file per requirement of the standard
 * version the application was filed under, uploaded by whoever acts for the applicant while the
 * file can still change, read by the applicant and the agency's staff.
 */
@ApplicationScoped
public class ApplicationDocuments {

    private static final String UPSERT = "insert into application_document (application_id, requirement_code, format, "
            + "size_bytes, sha256, uploaded_by, uploaded_at, content) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            + "on conflict (application_id, requirement_code) do update set format = excluded.format, "
            + "size_bytes = excluded.size_bytes, sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by, "
            + "uploaded_at = excluded.uploaded_at, content = excluded.content";

    /** A document with its bytes, for a download. */
    public record Download(DocumentInfo info, byte[] content) {
    }

    @Inject
    ApplicationService applications;

    @Inject
    ServiceCatalog catalog;

    @ConfigProperty(name = "satupintu.documents.max-bytes", defaultValue = "10485760")
    int maxBytes;

    /**
     * Stores the document of a requirement, replacing the previous one. The format is what the
     * content is, and must be one the requirement accepts.
     */
    @WithTransaction
    public Uni<DocumentInfo> upload(Caller caller, String trackingNumber, String requirementCode, byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.validation("body", "required");
        }
        if (content.length > maxBytes) {
            throw new ProblemException(413, "document-too-large", Math.max(1, maxBytes / (1024 * 1024)));
        }
        return applications.locked(caller, trackingNumber).flatMap(app -> {
            if (!ApplicationAccess.actsForApplicant(caller, app)) {
                throw ProblemException.forbidden();
            }
            if (!ApplicationState.EDITABLE.contains(app.state)) {
                throw ProblemException.conflict("application-not-editable", app.state);
            }
            return catalog.standard(app.serviceCode, app.standardVersion).flatMap(standard -> {
                Requirement requirement = requirement(standard.standard(), requirementCode);
                DocumentFormat format = DocumentFormats.sniff(content)
                        .orElseThrow(() -> new ProblemException(415, "document-format-unrecognised"));
                if (!requirement.formats().contains(format)) {
                    throw new ProblemException(415, "document-format-not-accepted", format,
                            requirement.formats().stream().map(Enum::name).collect(Collectors.joining(", ")));
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                DocumentInfo info = new DocumentInfo(requirement.code(), format, DocumentFormats.mediaType(format),
                        content.length, sha256(content), now);
                // A new document changes the file: clients syncing by updatedSince see it.
                app.updatedAt = now;
                return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, app.id)
                        .setParameter(2, requirement.code())
                        .setParameter(3, format.name())
                        .setParameter(4, content.length)
                        .setParameter(5, info.sha256())
                        .setParameter(6, caller.id())
                        .setParameter(7, now)
                        .setParameter(8, content)
                        .executeUpdate())
                        .replaceWith(info);
            });
        });
    }

    @WithSession
    public Uni<List<DocumentInfo>> list(Caller caller, String trackingNumber) {
        return applications.readable(caller, trackingNumber)
                .flatMap(app -> ApplicationDocument.<ApplicationDocument>find("key.applicationId = ?1 "
                        + "order by key.requirementCode", app.id).list())
                .map(list -> list.stream().map(DocumentInfo::of).toList());
    }

    /**
     * The documents of several applications in two queries, for GraphQL lists; keyed by tracking
     * number, only for applications the caller may read (the same rule as {@link #list}).
     */
    @WithSession
    public Uni<Map<String, List<DocumentInfo>>> listAll(Caller caller, List<String> trackingNumbers) {
        return applications.readableAll(caller, trackingNumbers).flatMap(apps -> apps.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : ApplicationDocument.<ApplicationDocument>find("key.applicationId in ?1 order by key.requirementCode",
                        apps.stream().map(a -> a.id).toList()).list().map(rows -> {
                    Map<UUID, String> numbers = new HashMap<>();
                    Map<String, List<DocumentInfo>> result = new HashMap<>();
                    apps.forEach(a -> {
                        numbers.put(a.id, a.trackingNumber);
                        result.put(a.trackingNumber, new ArrayList<>());
                    });
                    rows.forEach(d -> result.get(numbers.get(d.key.applicationId())).add(DocumentInfo.of(d)));
                    return result;
                }));
    }

    @WithSession
    public Uni<Download> download(Caller caller, String trackingNumber, String requirementCode) {
        return applications.readable(caller, trackingNumber).flatMap(app -> ApplicationDocument
                .<ApplicationDocument>findById(new ApplicationDocument.Key(app.id, requirementCode))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("document", requirementCode))
                .flatMap(document -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("select content from application_document "
                                + "where application_id = ?1 and requirement_code = ?2", byte[].class)
                        .setParameter(1, app.id)
                        .setParameter(2, requirementCode)
                        .getSingleResult())
                        .map(bytes -> new Download(DocumentInfo.of(document), bytes))));
    }

    /** Fails with 422 naming every mandatory requirement of the standard the application has no document for. */
    Uni<Void> requireComplete(Application app, ServiceStandard standard) {
        return ApplicationDocument.<ApplicationDocument>find("key.applicationId", app.id).list()
                .invoke(list -> failIfMissing(missing(standard,
                        list.stream().map(d -> d.key.requirementCode()).collect(Collectors.toSet()))))
                .replaceWithVoid();
    }

    static List<String> missing(ServiceStandard standard, Collection<String> uploaded) {
        Set<String> have = Set.copyOf(uploaded);
        return standard.requirements().stream()
                .filter(r -> Boolean.TRUE.equals(r.mandatory()) && !have.contains(r.code()))
                .map(Requirement::code).toList();
    }

    static void failIfMissing(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "documents-missing",
                    missing.stream().map(code -> FieldError.of("documents." + code, "document-missing")).toList(),
                    String.join(", ", missing));
        }
    }

    private static Requirement requirement(ServiceStandard standard, String code) {
        return standard.requirements().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("requirement", code));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
