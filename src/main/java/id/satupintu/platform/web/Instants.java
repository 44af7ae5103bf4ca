package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * The instants the API accepts: those PostgreSQL's timestamptz can store, 4713 BC to 294276 AD. Java
 * parses far wider ({@code +999999999-12-31T23:59:59Z}), and such a value either fails deep in a service
 * (a 500) or is sent to the database and compared wrongly. Every instant a client sends passes here:
 * JSON bodies through {@link StorableInstants}, query parameters through {@link QueryParams#parseInstant}.
 * Outside the range: a 400 {@code validation-failed} with the field error {@code instant-out-of-range}.
 */
public final class Instants {

    /** timestamptz's low end, 4713 BC (year -4712 in ISO's proleptic count). */
    public static final Instant EARLIEST = OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    /** timestamptz's high end, in whole microseconds as PostgreSQL keeps them. */
    public static final Instant LATEST = OffsetDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC)
            .toInstant();

    public static final String OUT_OF_RANGE = "instant-out-of-range";

    private Instants() {
    }

    /** Whether PostgreSQL can store the instant; a temporal that is not an instant (a date) is not judged here. */
    public static boolean storable(TemporalAccessor value) {
        Instant instant = instantOf(value);
        return instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
    }

    /** The value itself when storable (or null); otherwise the 400 that names {@code field}. */
    public static <T extends TemporalAccessor> T requireStorable(String field, T value) {
        if (value != null && !storable(value)) {
            throw ProblemException.validation(field, OUT_OF_RANGE);
        }
        return value;
    }

    private static Instant instantOf(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        return null;
    }
}
