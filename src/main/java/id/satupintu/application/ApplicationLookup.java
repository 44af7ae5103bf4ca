package id.satupintu.application;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

/**
 * Finds an application by its tracking number for a caller, with the read rule of
 * {@link ApplicationAccess}: an unknown number, a malformed one and someone else's application are
 * the same 404, so tracking numbers cannot be probed. Every read and every change starts here.
 */
@ApplicationScoped
public class ApplicationLookup {

    /** The application the caller may read. */
    public Uni<Application> readable(Caller caller, String trackingNumber) {
        return byNumber(trackingNumber).map(app -> visible(caller, trackingNumber, app));
    }

    /** Those of the applications the caller may read, in one query; unknown and foreign ones left out. */
    public Uni<List<Application>> readableAll(Caller caller, Collection<String> trackingNumbers) {
        List<String> numbers = trackingNumbers.stream().map(TrackingNumbers::normalize)
                .filter(TrackingNumbers::isWellFormed).distinct().toList();
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Application.<Application>find("trackingNumber in ?1", numbers).list()
                .map(apps -> apps.stream().filter(app -> ApplicationAccess.canRead(caller, app)).toList());
    }

    /** The application locked for the rest of the transaction: concurrent steps on it wait here. */
    public Uni<Application> locked(Caller caller, String trackingNumber) {
        String number = TrackingNumbers.normalize(trackingNumber);
        if (!TrackingNumbers.isWellFormed(number)) {
            return Uni.createFrom().failure(ProblemException.notFound("application", trackingNumber));
        }
        return Application.<Application>find("trackingNumber", number).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().map(app -> visible(caller, trackingNumber, app));
    }

    /** The application of a number as typed, whoever asks; null when there is none (or the number is malformed). */
    Uni<Application> byNumber(String trackingNumber) {
        String number = TrackingNumbers.normalize(trackingNumber);
        if (!TrackingNumbers.isWellFormed(number)) {
            return Uni.createFrom().nullItem();
        }
        return Application.find("trackingNumber", number).firstResult();
    }

    /** Not there and not yours look the same, so tracking numbers cannot be probed. */
    private static Application visible(Caller caller, String trackingNumber, Application app) {
        if (app == null || !ApplicationAccess.canRead(caller, app)) {
            throw ProblemException.notFound("application", trackingNumber);
        }
        return app;
    }
}
