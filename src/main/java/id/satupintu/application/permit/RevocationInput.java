package id.satupintu.application.permit;

/** Body of a permit revocation; the reason is public (the verification shows it). */
public record RevocationInput(String reason) {
}
