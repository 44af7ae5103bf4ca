package id.satupintu.application.document;

import id.satupintu.application.Application;
import id.satupintu.application.DutySeparation;
import id.satupintu.application.ApplicationAccess;
import id.satupintu.application.ApplicationLookup;
import id.satupintu.application.ApplicationState;
import id.satupintu.platform.files.DocumentFormat;
import id.satupintu.platform.files.DocumentFormats;
import id.satupintu.platform.files.FileStore;
import id.satupintu.platform.files.ReceivedFile;
import id.satupintu.platform.files.StoredFile;
import id.satupintu.catalog.Requirement;
import id.satupintu.catalog.ServiceCatalog;
import id.satupintu.catalog.ServiceStandard;
import id.satupintu.platform.jobs.Clock;
import id.satupintu.platform.security.Caller;
import id.satupintu.platform.security.Scopes;
import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The documents (persyaratan) of an application: one current file per requirement of the standard
 * version the application was filed under, uploaded by whoever acts for the applicant while the
 * file can still change, read by the applicant and the agency's staff.
 */
@ApplicationScoped
public class ApplicationDocuments {

    private static final String UPSERT = "insert into application_document (application_id, requirement_code, format, "
            + "size_bytes, sha256, uploaded_by, uploaded_at, file_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
            + "on conflict (application_id, requirement_code) do update set format = excluded.format, "
            + "size_bytes = excluded.size_bytes, sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by, "
            + "uploaded_at = excluded.uploaded_at, file_id = excluded.file_id";
    private static final String CURRENT_FILE = "select file_id from application_document "
            + "where application_id = ?1 and requirement_code = ?2";

    /** A document to send: what is known of it and where its bytes are. */
    record Download(DocumentInfo info, UUID fileId) {

        StoredFile file() {
            return new StoredFile(fileId, info.format(), info.size(), info.sha256());
        }
    }

    @Inject
    ApplicationLookup lookup;

    @Inject
    ServiceCatalog catalog;

    @Inject
    FileStore files;

    @Inject
    Clock clock;

    /**
     * Checks, before any byte of the body is read, that the caller may upload this requirement's
     * document now (the same checks as {@link #upload}): a refused upload costs no transfer.
     */
    @WithSession
    Uni<Void> mayUpload(Caller caller, String trackingNumber, String requirementCode) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        return lookup.readable(caller, trackingNumber)
                .flatMap(app -> uploadable(caller, app, requirementCode)).replaceWithVoid();
    }

    /**
     * Stores a received document as the requirement's current one, replacing the previous. The format
     * is what the content is, and must be one the requirement accepts. The bytes go into the file store
     * in the transaction that records the document; the replaced version's bytes go with it.
     */
    @WithTransaction
    Uni<DocumentInfo> upload(Caller caller, String trackingNumber, String requirementCode, ReceivedFile content) {
        caller.requireScope(Scopes.APPLICATIONS_WRITE);
        return lookup.locked(caller, trackingNumber).flatMap(app -> uploadable(caller, app, requirementCode)
                .flatMap(requirement -> {
                    DocumentFormat format = content.format();
                    if (!requirement.formats().contains(format)) {
                        throw new ProblemException(415, "document-format-not-accepted", format,
                                requirement.formats().stream().map(Enum::name).collect(Collectors.joining(", ")));
                    }
                    OffsetDateTime now = clock.timestamp();
                    DocumentInfo info = new DocumentInfo(requirement.code(), format, DocumentFormats.mediaType(format),
                            Math.toIntExact(content.size()), content.sha256(), now);
                    // A new document changes the file: clients syncing by updatedSince see it.
                    app.updatedAt = now;
                    DutySeparation.notePreparer(caller, app);
                    // The application row is locked: no other upload replaces this document meanwhile.
                    return Panache.getSession().flatMap(session -> session.createNativeQuery(CURRENT_FILE, UUID.class)
                                    .setParameter(1, app.id).setParameter(2, requirement.code()).getResultList()
                                    .flatMap(replaced -> replaced.isEmpty() ? Uni.createFrom().voidItem()
                                            : files.delete(replaced.get(0)))
                                    .flatMap(deleted -> files.write(content))
                                    .flatMap(fileId -> session.createNativeQuery(UPSERT)
                                            .setParameter(1, app.id)
                                            .setParameter(2, requirement.code())
                                            .setParameter(3, format.name())
                                            .setParameter(4, info.size())
                                            .setParameter(5, info.sha256())
                                            .setParameter(6, caller.id())
                                            .setParameter(7, now)
                                            .setParameter(8, fileId)
                                            .executeUpdate()))
                            .replaceWith(info);
                }));
    }

    /** The requirement the caller may upload for now: the applicant's side, while the file can change. */
    private Uni<Requirement> uploadable(Caller caller, Application app, String requirementCode) {
        if (!ApplicationAccess.actsForApplicant(caller, app)) {
            throw ProblemException.forbidden();
        }
        if (!ApplicationState.EDITABLE.contains(app.state)) {
            throw ProblemException.conflict("application-not-editable", app.state);
        }
        return catalog.standard(app.serviceCode, app.standardVersion)
                .map(standard -> requirement(standard.standard(), requirementCode));
    }

    @WithSession
    public Uni<List<DocumentInfo>> list(Caller caller, String trackingNumber) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return lookup.readable(caller, trackingNumber)
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
        return lookup.readableAll(caller, trackingNumbers).flatMap(apps -> apps.isEmpty()
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

    /** What is known of a document and where its bytes are; the file store sends the bytes. */
    @WithSession
    Uni<Download> download(Caller caller, String trackingNumber, String requirementCode) {
        caller.requireScope(Scopes.APPLICATIONS_READ);
        return lookup.readable(caller, trackingNumber).flatMap(app -> ApplicationDocument
                .<ApplicationDocument>findById(new ApplicationDocument.Key(app.id, requirementCode))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("document", requirementCode))
                .map(document -> new Download(DocumentInfo.of(document), document.fileId)));
    }

    /** Fails with 422 naming every mandatory requirement of the standard the application has no document for. */
    public Uni<Void> requireComplete(Application app, ServiceStandard standard) {
        return ApplicationDocument.<ApplicationDocument>find("key.applicationId", app.id).list()
                .invoke(list -> failIfMissing(missing(standard,
                        list.stream().map(d -> d.key.requirementCode()).collect(Collectors.toSet()))))
                .replaceWithVoid();
    }

    /**
     * Fails with 422 naming every mandatory requirement of the standard: what a new file, which has
     * no documents yet, lacks.
     */
    public void failIfAnyMandatory(ServiceStandard standard) {
        failIfMissing(missing(standard, List.of()));
    }

    private static List<String> missing(ServiceStandard standard, Collection<String> uploaded) {
        Set<String> have = Set.copyOf(uploaded);
        return standard.requirements().stream()
                .filter(r -> Boolean.TRUE.equals(r.mandatory()) && !have.contains(r.code()))
                .map(Requirement::code).toList();
    }

    private static void failIfMissing(List<String> missing) {
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
}
