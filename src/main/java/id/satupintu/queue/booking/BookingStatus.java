package id.satupintu.queue.booking;

public enum BookingStatus {
    /** Holds a place in its slot. */
    BOOKED,
    /** Turned into a ticket in the queue. */
    CHECKED_IN,
    CANCELLED,
    /** Not checked in by the slot's start plus the grace period. */
    NO_SHOW
}
