package id.satupintu.catalog.calendar;

import java.time.LocalDate;
import java.util.UUID;

public record HolidayView(UUID id, LocalDate date, HolidayKind kind, String name, String source) {

    static HolidayView of(Holiday holiday) {
        return new HolidayView(holiday.id, holiday.date, holiday.kind, holiday.name, holiday.source);
    }
}
