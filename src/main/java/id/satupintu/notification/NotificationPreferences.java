package id.satupintu.notification;

import id.satupintu.platform.error.FieldError;
import id.satupintu.platform.error.InputValidator;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import id.satupintu.platform.privacy.PersonalDataProtection;
import id.satupintu.platform.privacy.PhoneNumber;
import id.satupintu.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A citizen's notification preferences: the language of their notifications, quiet hours (local time at the
 * site), and per channel an address (encrypted at rest, masked when shown) and whether they opted out. The
 * notification centre always holds every notification; channels only carry copies.
 */
@ApplicationScoped
public class NotificationPreferences {

    /** The longest e-mail address SMTP carries (RFC 5321 path limit). */
    static final int MAX_EMAIL = 254;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public record ChannelInput(String channel, String address, Boolean optedOut) {
    }

    public record PreferencesInput(String language, String quietStart, String quietEnd, List<ChannelInput> channels) {
    }

    public record ChannelView(Channel channel, String address, boolean optedOut) {
    }

    public record PreferencesView(String language, String quietStart, String quietEnd, List<ChannelView> channels) {
    }

    @Inject
    Pool pool;

    @Inject
    PersonalDataProtection protection;

    public Uni<PreferencesView> of(Caller caller) {
        UUID account = NotificationCentre.account(caller);
        return read(pool, account);
    }

    /**
     * Sets the language and quiet hours (both absent: no quiet hours) and the channels named: a channel given
     * without an address keeps the one it has (it must have one), {@code optedOut} absent keeps its choice.
     */
    public Uni<PreferencesView> update(Caller caller, PreferencesInput input) {
        UUID account = NotificationCentre.account(caller);
        if (input == null) {
            throw ProblemException.validation("body", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        String language = input.language() == null ? "id" : input.language();
        if (!Messages.supports(language)) {
            errors.add(FieldError.of("language", "notification-language"));
        }
        LocalTime start = time("quietStart", input.quietStart(), errors);
        LocalTime end = time("quietEnd", input.quietEnd(), errors);
        if ((start == null) != (end == null) || (start != null && start.equals(end))) {
            if (errors.isEmpty()) {
                errors.add(FieldError.of("quietEnd", "notification-quiet-hours"));
            }
        }
        Map<Channel, ChannelInput> channels = new EnumMap<>(Channel.class);
        Map<Channel, String> addresses = new EnumMap<>(Channel.class);
        List<ChannelInput> given = input.channels() == null ? List.of() : input.channels();
        for (int i = 0; i < given.size(); i++) {
            String field = "channels[" + i + "]";
            ChannelInput c = given.get(i);
            if (c == null) {
                errors.add(FieldError.of(field, "required"));
                continue;
            }
            Optional<Channel> channel = channel(c.channel());
            if (channel.isEmpty()) {
                errors.add(FieldError.of(field + ".channel", c.channel() == null ? "required" : "notification-channel"));
                continue;
            }
            if (channels.put(channel.get(), c) != null) {
                errors.add(FieldError.of(field + ".channel", "notification-channel"));
                continue;
            }
            if (c.address() != null) {
                Optional<String> address = address(channel.get(), c.address());
                if (address.isEmpty()) {
                    errors.add(FieldError.of(field + ".address", "invalid-format"));
                } else {
                    addresses.put(channel.get(), address.get());
                }
            }
        }
        InputValidator.failIfAny(errors);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into notification_setting (account_id, language, quiet_start, quiet_end)
                                values ($1, $2, $3, $4)
                                on conflict (account_id) do update set language = excluded.language,
                                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = now()""")
                        .execute(Tuple.of(account, language, start, end))
                        .flatMap(ignored -> channels(tx, account, channels, addresses))
                        .flatMap(ignored -> read(tx, account)));
    }

    private Uni<Void> channels(SqlClient tx, UUID account, Map<Channel, ChannelInput> channels,
                               Map<Channel, String> addresses) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : channels.entrySet()) {
            Channel channel = entry.getKey();
            String encrypted = addresses.containsKey(channel) ? protection.encrypt(addresses.get(channel)) : null;
            Boolean optedOut = entry.getValue().optedOut();
            chain = chain.flatMap(ignored -> tx.preparedQuery("""
                            insert into notification_channel (account_id, channel, address_encrypted, opted_out)
                            select $1, $2, $3::text, coalesce($4::boolean, false) where $3::text is not null
                            on conflict (account_id, channel) do update
                               set address_encrypted = coalesce(excluded.address_encrypted,
                                                                notification_channel.address_encrypted),
                                   opted_out = coalesce($4::boolean, notification_channel.opted_out), updated_at = now()""")
                    .execute(Tuple.of(account, channel.name(), encrypted, optedOut))
                    .flatMap(rows -> rows.rowCount() > 0 || encrypted != null ? Uni.createFrom().voidItem()
                            // Without an address the row must exist already: update only.
                            : tx.preparedQuery("update notification_channel set opted_out = coalesce($3::boolean, opted_out), "
                                            + "updated_at = now() where account_id = $1 and channel = $2")
                                    .execute(Tuple.of(account, channel.name(), optedOut))
                                    .map(updated -> {
                                        if (updated.rowCount() == 0) {
                                            throw ProblemException.validation("channels." + channel.name() + ".address",
                                                    "required");
                                        }
                                        return null;
                                    }))
                    .replaceWithVoid());
        }
        return chain;
    }

    private Uni<PreferencesView> read(SqlClient client, UUID account) {
        return client.preparedQuery("select language, quiet_start, quiet_end from notification_setting where account_id = $1")
                .execute(Tuple.of(account))
                .flatMap(settings -> client.preparedQuery("select channel, address_encrypted, opted_out "
                                + "from notification_channel where account_id = $1 order by channel")
                        .execute(Tuple.of(account))
                        .map(rows -> {
                            List<ChannelView> channels = new ArrayList<>();
                            rows.forEach(row -> {
                                Channel channel = Channel.valueOf(row.getString("channel"));
                                String address = protection.decrypt(row.getString("address_encrypted"));
                                channels.add(new ChannelView(channel, channel == Channel.EMAIL
                                        ? PersonalDataProtection.maskEmail(address)
                                        : PersonalDataProtection.maskPhone(address), row.getBoolean("opted_out")));
                            });
                            var setting = settings.iterator().hasNext() ? settings.iterator().next() : null;
                            return new PreferencesView(setting == null ? "id" : setting.getString("language"),
                                    setting == null ? null : format(setting.getLocalTime("quiet_start")),
                                    setting == null ? null : format(setting.getLocalTime("quiet_end")), channels);
                        }));
    }

    private static String format(LocalTime time) {
        return time == null ? null : HH_MM.format(time);
    }

    private static LocalTime time(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "notification-time"));
            return null;
        }
    }

    private static Optional<Channel> channel(String name) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The address as stored: an e-mail address as given, a phone number in its national form. */
    static Optional<String> address(Channel channel, String raw) {
        if (channel == Channel.EMAIL) {
            String email = raw.strip();
            return email.length() <= MAX_EMAIL && InputValidator.isEmail(email) ? Optional.of(email) : Optional.empty();
        }
        return raw.length() > 40 ? Optional.empty() : PhoneNumber.normalize(raw);
    }
}
