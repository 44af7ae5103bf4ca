package id.satupintu.application.assignment;

/** Body of an assignment: the officer's user id and an optional internal note (why this officer). */
public record AssignmentInput(String officerId, String note) {
}
