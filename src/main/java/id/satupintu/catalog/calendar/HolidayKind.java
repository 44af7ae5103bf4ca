package id.satupintu.catalog.calendar;

/**
 * The two kinds of national day off the government sets each year in one SKB: libur nasional
 * (public holiday) and cuti bersama (collective leave, which for civil servants is fixed by a Keppres).
 * Government offices close on both, so neither counts as a working day.
 */
public enum HolidayKind {
    LIBUR_NASIONAL,
    CUTI_BERSAMA
}
