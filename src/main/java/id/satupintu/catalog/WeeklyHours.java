package id.satupintu.catalog;

import java.util.List;

/**
 * A site's opening hours for the week, stored as one jsonb object. An object and not a bare array
 * because Hibernate Reactive reads jsonb through Vert.x JsonObject, which cannot hold an array.
 */
public record WeeklyHours(List<OpeningHours> days) {
}
