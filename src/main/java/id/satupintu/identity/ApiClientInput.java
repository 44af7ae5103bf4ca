package id.satupintu.identity;

import id.satupintu.platform.security.Scopes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/**
 * What an administrator sends to create an API client, or to replace its settings. {@code clientId}
 * and {@code kind} are set at creation and may not change (a replace may repeat them). The scopes
 * are checked against {@link Scopes#KNOWN}; agency and site must exist.
 */
@Input("ApiClientInput")
public record ApiClientInput(
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String clientId,
        @NotBlank @Size(max = 200) String name,
        String kind,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> scopes,
        @Size(max = 40) String agencyCode,
        @Size(max = 40) String siteCode,
        @Min(1) @Max(1_000_000) Integer rateLimit) {
}
