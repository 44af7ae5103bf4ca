package id.satupintu.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** E-mail over SMTP (Quarkus Mailer, {@code quarkus.mailer.*}): a plain-text message, the template's text. */
@ApplicationScoped
class EmailChannel {

    @Inject
    ReactiveMailer mailer;

    Uni<Void> send(String to, String subject, String text) {
        return mailer.send(Mail.withText(to, subject, text));
    }
}
