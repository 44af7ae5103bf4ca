package id.satupintu.identity;

/**
 * The answer of a creation or a rotation: the client and its new secret, shown this once. Only a
 * hash is stored; a lost secret is replaced by rotating, never recovered.
 */
public record ApiClientSecret(ApiClientView client, String clientSecret) {
}
