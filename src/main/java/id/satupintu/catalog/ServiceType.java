package id.satupintu.catalog;

/** Perizinan (a permit: the product is an izin/SK) or nonperizinan (every other public service). */
public enum ServiceType {
    PERIZINAN,
    NONPERIZINAN
}
