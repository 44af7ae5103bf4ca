package id.satupintu.catalog;

/**
 * REGIONAL: a perangkat daerah (DPMPTSP, Disdukcapil); VERTICAL: an instansi vertikal of the central
 * government (Imigrasi, Polri, BPN); BUMN_BUMD: a state or regional enterprise (BPJS, PDAM); BANK.
 */
public enum AgencyKind {
    REGIONAL,
    VERTICAL,
    BUMN_BUMD,
    BANK
}
