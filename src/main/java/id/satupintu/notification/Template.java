package id.satupintu.notification;

import id.satupintu.platform.i18n.Messages;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The texts a citizen is told, each short enough for one SMS ({@link #SMS_LENGTH} characters) in either
 * language: {@code notification.<key>} in the notification messages, formatted with the stored arguments
 * in this order. Arguments are codes and numbers only (a tracking number, a state, a ticket number): a
 * notification never carries a NIK, a phone number or a document.
 */
public enum Template {

    APPLICATION_STATE("application-state", "trackingNumber", "state"),
    PERMIT_ISSUED("permit-issued", "trackingNumber"),
    COMPLAINT_ANSWERED("complaint-answered", "trackingCode"),
    TURN_NEAR("turn-near", "number", "position"),
    /** {@code url}: the survey's page with its token, derived when shown or sent ({@link NotificationCentre#linked}). */
    SURVEY_OPEN("survey-open", "url"),
    PERMIT_EXPIRING("permit-expiring", "number", "validUntil", "days"),
    BOOKING_CONFIRMED("booking-confirmed", "site", "date", "time"),
    BOOKING_TOMORROW("booking-tomorrow", "site", "date", "time"),
    BOOKING_SOON("booking-soon", "site", "date", "time");

    /** One SMS segment of the GSM 7-bit alphabet. */
    public static final int SMS_LENGTH = 160;

    private final String key;
    private final String[] arguments;

    Template(String key, String... arguments) {
        this.key = key;
        this.arguments = arguments;
    }

    public String key() {
        return key;
    }

    public static Optional<Template> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** The text in this language; a state is named as the citizen knows it, not by its code. */
    public String render(Messages messages, Locale locale, JsonObject params) {
        Object[] args = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object value = params == null ? null : params.getValue(arguments[i]);
            String text = value == null ? "" : String.valueOf(value);
            if (arguments[i].equals("state")) {
                text = messages.get(locale, "notification.state." + text);
            }
            args[i] = text;
        }
        return messages.get(locale, "notification." + key, args);
    }
}
