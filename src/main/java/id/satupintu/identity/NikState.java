package id.satupintu.identity;

/**
 * How far a citizen account's NIK is believed. Typed in online it is only a claim: anyone can type
 * another person's NIK, since the number alone is checked for its structure only.
 */
public enum NikState {
    /** Claimed online; not yet confirmed. */
    UNVERIFIED,
    /** Confirmed: staff at a counter saw the KTP, a Dukcapil check matched, or a supervisor settled it. */
    VERIFIED,
    /** Another account was found to hold this NIK; the account stays, without the NIK's standing. */
    REJECTED
}
