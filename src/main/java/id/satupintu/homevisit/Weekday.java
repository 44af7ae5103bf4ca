package id.satupintu.homevisit;

/**
 * A day of the week a citizen prefers to be visited on. Our own enum rather than java.time's DayOfWeek, which
 * GraphQL has no type for; the names are the same, so REST reads and writes them alike.
 */
public enum Weekday {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY
}
