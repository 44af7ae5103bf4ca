package id.satupintu.notification;

import java.time.OffsetDateTime;

/**
 * One notification as its citizen reads it: the text in the reader's language, what it is about (the
 * template and the code of the object, for an app to link to), and whether it was read.
 */
public record NotificationView(long id, String template, String text, String subject, OffsetDateTime createdAt,
                               boolean read, OffsetDateTime readAt) {
}
