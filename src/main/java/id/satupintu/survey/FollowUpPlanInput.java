package id.satupintu.survey;

import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/**
 * A follow-up plan written over GraphQL: the REST body, with GraphQL's own Int checking the numbers first; the
 * rest (ranges, lengths, dates, the version) is checked by {@link FollowUpPlans}, as for REST.
 */
@Input("FollowUpPlanInput")
public record FollowUpPlanInput(Integer version, List<Item> items) {

    @Input("FollowUpPlanItemInput")
    public record Item(Integer element, String action, String owner, String deadline) {
    }

    FollowUpPlans.PlanInput toInput() {
        return new FollowUpPlans.PlanInput(version, items == null ? null : items.stream()
                .map(i -> i == null ? null : new FollowUpPlans.ItemInput(i.element(), i.action(), i.owner(),
                        i.deadline())).toList());
    }
}
