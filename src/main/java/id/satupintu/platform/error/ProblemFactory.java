package id.satupintu.platform.error;

import id.satupintu.platform.i18n.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** Localizes a {@link ProblemException} into the body both REST and GraphQL give clients. */
@ApplicationScoped
public class ProblemFactory {

    /**
     * Field errors one problem lists. A list of 20,000 bad items would otherwise come back as 20,000
     * entries (megabytes); the first ones tell the client what to fix.
     */
    static final int MAX_FIELD_ERRORS = 20;

    @Inject
    Messages messages;

    public Problem create(ProblemException e, Locale locale, String instance) {
        String title = messages.find(locale, e.code() + ".title");
        if (title == null) {
            title = messages.get(locale, "status." + e.status());
        }
        String detail = messages.find(locale, e.code() + ".detail", e.args());
        var fields = e.fieldErrors().stream()
                .limit(MAX_FIELD_ERRORS)
                .map(f -> new Problem.InvalidField(f.field(), f.code(),
                        messages.get(locale, "field." + f.code(), f.args().toArray())))
                .toList();
        return new Problem("/problems/" + e.code(), title, e.status(), detail, instance, e.code(), fields);
    }

    public String message(ProblemException e, Locale locale) {
        String detail = messages.find(locale, e.code() + ".detail", e.args());
        return detail != null ? detail : messages.get(locale, e.code() + ".title");
    }
}
