package id.satupintu.catalog.calendar;

import id.satupintu.catalog.CalendarDates;
import id.satupintu.catalog.CreateOnce;
import id.satupintu.platform.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/** National holidays and cuti bersama, entered per year as the government publishes them. */
@ApplicationScoped
class HolidayService {

    @WithSession
    public Uni<HolidayYear> year(int year) {
        CalendarDates.checkYear("year", year);
        return Holiday.<Holiday>list("date between ?1 and ?2 order by date, name",
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .map(days -> new HolidayYear(year, !days.isEmpty(), days.stream().map(HolidayView::of).toList()));
    }

    @WithTransaction
    public Uni<Holiday> add(HolidayInput input) {
        CalendarDates.checkYear("date", input.date().getYear());
        String name = input.name().strip();
        return CreateOnce.create(Holiday.count("date = ?1 and name = ?2", input.date(), name),
                () -> ProblemException.conflict("holiday-exists", input.date(), name), () -> {
                    Holiday holiday = new Holiday();
                    holiday.date = input.date();
                    holiday.kind = input.kind();
                    holiday.name = name;
                    holiday.source = input.source() == null || input.source().isBlank() ? null : input.source().strip();
                    return holiday.<Holiday>persist();
                });
    }

    @WithTransaction
    public Uni<Void> remove(UUID id) {
        return Holiday.delete("id", id).flatMap(deleted -> deleted == 0
                ? Uni.createFrom().failure(ProblemException.notFound("holiday", id))
                : Uni.createFrom().voidItem());
    }
}
