package id.satupintu.queue.ticket;

/** How a ticket was taken; each channel has its own rule about who may use it. */
public enum Channel {
    KIOSK, PHONE, DRIVE_THRU, COUNTER, INTEGRATOR,
    /** A checked-in booking: never asked for directly, made by BookingCheckIn. */
    BOOKING
}
