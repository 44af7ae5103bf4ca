package id.satupintu.queue;

/** How a ticket was taken; each channel has its own rule about who may use it. */
public enum Channel {
    KIOSK, PHONE, DRIVE_THRU, COUNTER, INTEGRATOR
}
