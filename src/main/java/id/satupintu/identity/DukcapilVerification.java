package id.satupintu.identity;

import io.smallrye.mutiny.Uni;

/**
 * The port to a population-registry check of a NIK: Dukcapil's data-access service (hak akses data
 * kependudukan), which an office may use under its own agreement with Dukcapil. SatuPintu ships no
 * implementation and none is enabled by default: without one, an online account's NIK stays
 * UNVERIFIED until staff confirm it at a counter. An office that has access adds a CDI bean
 * implementing this interface (an {@code @ApplicationScoped} class in its build); sign-up then asks it
 * and a MATCH verifies the NIK, unless another account already holds that NIK verified.
 */
interface DukcapilVerification {

    enum Verdict {
        /** The registry holds this NIK under this name. */
        MATCH,
        /** The registry does not hold this NIK with this name. */
        NO_MATCH,
        /** The registry could not be asked; the NIK simply stays unverified. */
        UNAVAILABLE
    }

    /** Asks the registry whether the NIK belongs to a person of this full name. Must not block the caller's thread. */
    Uni<Verdict> verify(String nik, String fullName);
}
