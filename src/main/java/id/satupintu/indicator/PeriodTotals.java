package id.satupintu.indicator;

import id.satupintu.application.ApplicationIndicatorDay;
import id.satupintu.complaint.ComplaintIndicatorDay;
import id.satupintu.homevisit.HomeVisitIndicatorDay;
import id.satupintu.indicator.IndicatorReport.ApplicationFigures;
import id.satupintu.indicator.IndicatorReport.ChannelCount;
import id.satupintu.indicator.IndicatorReport.ComplaintFigures;
import id.satupintu.indicator.IndicatorBreakdown.HourFigures;
import id.satupintu.indicator.IndicatorReport.HomeVisitFigures;
import id.satupintu.indicator.IndicatorReport.QueueFigures;
import id.satupintu.queue.QueueIndicatorHour;
import id.satupintu.queue.QueueIndicatorDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A period's figures from the daily figures of its days: counts add up; means are sums over counts; medians
 * and p90 are taken over the period's values themselves (the days keep them), never from daily medians.
 * Rounded to two decimals (half up) once, at the end.
 */
final class PeriodTotals {

    /** The queue's channels, so a period without tickets of one still lists it with 0. */
    static final List<String> CHANNELS = List.of("KIOSK", "PHONE", "DRIVE_THRU", "COUNTER", "INTEGRATOR");

    private PeriodTotals() {
    }

    static QueueFigures queue(List<QueueIndicatorDay> days, int priorityWithinMinutes) {
        Map<String, Long> byChannel = new TreeMap<>();
        CHANNELS.forEach(channel -> byChannel.put(channel, 0L));
        long issued = 0;
        long served = 0;
        long noShows = 0;
        long serviceSeconds = 0;
        long serviceTimed = 0;
        long priorityIssued = 0;
        long priorityWithin = 0;
        List<Integer> waits = new ArrayList<>();
        long limit = priorityWithinMinutes * 60L;
        for (QueueIndicatorDay day : days) {
            byChannel.merge(day.channel(), (long) day.issued(), Long::sum);
            issued += day.issued();
            served += day.served();
            noShows += day.noShow();
            serviceSeconds += day.serviceSeconds();
            serviceTimed += day.serviceTimed();
            priorityIssued += day.priorityIssued();
            priorityWithin += day.priorityWaits().stream().filter(w -> w <= limit).count();
            waits.addAll(day.waits());
        }
        List<ChannelCount> channels = CHANNELS.stream().map(c -> new ChannelCount(c, byChannel.get(c))).toList();
        Waits w = Waits.of(waits);
        return new QueueFigures(issued, channels, served, noShows, w.mean(), w.median(), w.p90(),
                ratio(serviceSeconds, serviceTimed), priorityIssued, priorityWithin,
                percent(priorityWithin, priorityIssued));
    }

    /** The waits of a period or an hour: how many, their mean, median and p90 (null without any). */
    private record Waits(int count, BigDecimal mean, BigDecimal median, BigDecimal p90) {
        static Waits of(List<Integer> waits) {
            long sum = waits.stream().mapToLong(Integer::longValue).sum();
            int[] sorted = waits.stream().mapToInt(Integer::intValue).sorted().toArray();
            return new Waits(sorted.length, ratio(sum, sorted.length), percentile(sorted, 0.5),
                    percentile(sorted, 0.9));
        }
    }

    static ApplicationFigures applications(List<ApplicationIndicatorDay> days) {
        long filed = 0;
        long decided = 0;
        long inTime = 0;
        long deemed = 0;
        long returned = 0;
        List<Integer> decisionDays = new ArrayList<>();
        for (ApplicationIndicatorDay day : days) {
            filed += day.filed();
            decided += day.decided();
            inTime += day.decidedInTime();
            deemed += day.deemed();
            returned += day.returnedDecided();
            decisionDays.addAll(day.decisionDays());
        }
        int[] sorted = decisionDays.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new ApplicationFigures(filed, decided, percent(inTime, decided), deemed, percentile(sorted, 0.5),
                percent(returned, decided));
    }

    /** Hours 0 to 23 of a period from its days' hours; an hour without tickets has zeros and null waits. */
    static List<HourFigures> hours(List<QueueIndicatorHour> hours) {
        List<HourFigures> out = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            long issued = 0;
            long served = 0;
            List<Integer> waits = new ArrayList<>();
            for (QueueIndicatorHour h : hours) {
                if (h.hour() == hour) {
                    issued += h.issued();
                    served += h.served();
                    waits.addAll(h.waits());
                }
            }
            Waits w = Waits.of(waits);
            out.add(new HourFigures(hour, issued, w.count(), served, w.mean(), w.median(), w.p90()));
        }
        return out;
    }

    static ComplaintFigures complaints(List<ComplaintIndicatorDay> days) {
        long received = 0;
        long verified = 0;
        long verifiedInTime = 0;
        long resolved = 0;
        long resolvedInTime = 0;
        long reopened = 0;
        long rated = 0;
        long ratingSum = 0;
        for (ComplaintIndicatorDay day : days) {
            received += day.received();
            verified += day.verified();
            verifiedInTime += day.verifiedInTime();
            resolved += day.resolved();
            resolvedInTime += day.resolvedInTime();
            reopened += day.reopened();
            rated += day.rated();
            ratingSum += day.ratingSum();
        }
        return new ComplaintFigures(received, verified, percent(verifiedInTime, verified), resolved,
                percent(resolvedInTime, resolved), reopened, rated, ratio(ratingSum, rated));
    }

    static HomeVisitFigures homeVisits(List<HomeVisitIndicatorDay> days) {
        long requested = 0;
        long done = 0;
        long failed = 0;
        List<Integer> working = new ArrayList<>();
        List<Integer> calendar = new ArrayList<>();
        for (HomeVisitIndicatorDay day : days) {
            requested += day.requested();
            done += day.done();
            failed += day.failed();
            working.addAll(day.workingDaysToVisit());
            calendar.addAll(day.calendarDaysToVisit());
        }
        int[] sortedWorking = working.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] sortedCalendar = calendar.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new HomeVisitFigures(requested, done, failed, percentile(sortedWorking, 0.5),
                ratio(working.stream().mapToLong(Integer::longValue).sum(), sortedWorking.length),
                percentile(sortedCalendar, 0.5),
                ratio(calendar.stream().mapToLong(Integer::longValue).sum(), sortedCalendar.length));
    }

    /**
     * The p-th percentile of sorted values with linear interpolation between the closest ranks, as PostgreSQL's
     * {@code percentile_cont} computes it (the benchmark's raw SQL checks against it); null without values.
     */
    static BigDecimal percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        BigDecimal lowValue = BigDecimal.valueOf(sorted[low]);
        BigDecimal fraction = BigDecimal.valueOf(position - low);
        return lowValue.add(fraction.multiply(BigDecimal.valueOf((long) sorted[high] - sorted[low])))
                .setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return ratio(100 * part, whole);
    }
}
