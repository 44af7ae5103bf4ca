package id.satupintu.platform.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Citizen-facing texts in Indonesian (the default) and English. Plain UTF-8 properties files are
 * read directly rather than through ResourceBundle so the same code works in a native image.
 */
@ApplicationScoped
public class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, ENGLISH);

    /** One bundle per feature, so features add their texts without touching each other's files. */
    private static final List<String> FEATURES = List.of(
            "platform", "graphql", "identity", "catalog", "calendar", "application", "queue", "complaint", "open311", "survey", "indicator",
            "integration", "homevisit", "notification");

    private final Map<String, Properties> bundles = Map.of("id", load("id"), "en", load("en"));

    /** Whether {@code code} (id, en) names a language citizens are told things in. */
    public static boolean supports(String code) {
        return SUPPORTED.stream().anyMatch(locale -> locale.getLanguage().equals(code));
    }

    /** The first supported language the client asks for; Indonesian when it asks for none we have. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return INDONESIAN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? INDONESIAN : match;
        } catch (IllegalArgumentException malformed) {
            return INDONESIAN;
        }
    }

    /** The text for key, formatted with args; null when neither language has it. */
    public String find(Locale locale, String key, Object... args) {
        String pattern = bundle(locale).getProperty(key);
        if (pattern == null) {
            pattern = bundles.get("id").getProperty(key);
        }
        if (pattern == null) {
            return null;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(quoted(args));
    }

    /** Longest client-sent text a message repeats (a graphql-java description fits): a code of 100,000 characters is named by its start. */
    static final int QUOTED_MAX = 200;

    /**
     * The arguments as a message may show them. A message often names what the client sent ("no service
     * with code X"); a huge X would come back whole, in every log line and answer that carries the text.
     */
    private static Object[] quoted(Object[] args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof CharSequence text && text.length() > QUOTED_MAX) {
                shown[i] = text.subSequence(0, QUOTED_MAX - 1) + "…";
            }
        }
        return shown;
    }

    public String get(Locale locale, String key, Object... args) {
        String text = find(locale, key, args);
        return text == null ? key : text;
    }

    private Properties bundle(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? bundles.get("en") : bundles.get("id");
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        for (String feature : FEATURES) {
            String resource = "messages/" + feature + "_" + language + ".properties";
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
