package id.satupintu.homevisit;

/**
 * Why the citizen cannot come to the site. ELDERLY is checked against the birth date in the NIK (60 or older);
 * the others are declared by whoever asks and seen by the team on the visit.
 */
public enum HomeVisitCategory {
    ELDERLY, DISABILITY, BEDRIDDEN, REMOTE_VILLAGE;

    /** Lansia: 60 years and older (UU 13/1998 art. 1). */
    static final int ELDERLY_AGE = 60;
}
