package id.satupintu.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fields of {@code POST /api/v1/auth/token}, named as in OAuth 2.0 (RFC 6749), from a form or JSON. */
@RegisterForReflection
public record TokenRequest(@JsonProperty("grant_type") String grantType,
                           String username,
                           String password,
                           @JsonProperty("client_id") String clientId,
                           @JsonProperty("client_secret") String clientSecret,
                           @JsonProperty("refresh_token") String refreshToken,
                           String scope) {

    /** Never prints the secrets, whatever logs or exception messages do with a request. */
    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", username=" + username + ", clientId=" + clientId
                + ", scope=" + scope + "]";
    }
}
