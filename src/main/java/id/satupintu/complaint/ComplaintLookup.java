package id.satupintu.complaint;

import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

/**
 * The complaint a caller names by its tracking code, to read or, locked, to change: only for its
 * reporter and its handling staff (see {@link ComplaintAccess}).
 */
public final class ComplaintLookup {

    private ComplaintLookup() {
    }

    public static Uni<Complaint> readable(Caller caller, String secret, String trackingCode) {
        return byCode(trackingCode, false).map(c -> visible(caller, secret, trackingCode, c));
    }

    /** The complaint locked for the rest of the transaction: concurrent steps on it wait here. */
    public static Uni<Complaint> locked(Caller caller, String secret, String trackingCode) {
        return byCode(trackingCode, true).map(c -> visible(caller, secret, trackingCode, c));
    }

    private static Uni<Complaint> byCode(String trackingCode, boolean lock) {
        String code = ComplaintCodes.normalize(trackingCode);
        if (!ComplaintCodes.isWellFormed(code)) {
            return Uni.createFrom().nullItem();
        }
        var query = Complaint.<Complaint>find("trackingCode", code);
        return lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult() : query.firstResult();
    }

    /** Not there and not yours look the same, so codes cannot be probed. */
    private static Complaint visible(Caller caller, String secret, String trackingCode, Complaint c) {
        if (c == null || !ComplaintAccess.canRead(caller, secret, c)) {
            throw ProblemException.notFound("complaint", trackingCode);
        }
        return c;
    }
}
