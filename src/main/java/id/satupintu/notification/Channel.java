package id.satupintu.notification;

/** An outbound channel: e-mail through SMTP, SMS and WhatsApp through the office's HTTP gateway. */
public enum Channel {
    EMAIL,
    SMS,
    WHATSAPP
}
