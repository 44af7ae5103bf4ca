package id.satupintu.homevisit;

/** Who asks, as seen from the citizen to be visited: the citizen, a family member, or a village officer. */
public enum Relation {
    SELF, FAMILY, VILLAGE_OFFICER
}
