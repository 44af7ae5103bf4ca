package id.satupintu.homevisit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Name;

/**
 * A request for a home visit: the service, the citizen to visit (NIK), why, where, which weekdays suit, and a
 * phone to call. {@code siteCode} is needed only when the agency serves at several sites.
 */
@Name("HomeVisitInput")
public record HomeVisitInput(@NotBlank @Size(max = 40) String serviceCode, @Size(max = 40) String siteCode,
                             @NotBlank @Size(max = 16) String nik, @NotNull Relation relation,
                             @NotNull HomeVisitCategory category, @NotBlank @Size(max = 1000) String reason,
                             @NotNull @Valid Address address,
                             @NotEmpty @Size(max = 7) List<@NotNull Weekday> preferredDays,
                             @NotBlank @Size(max = 20) String phone) {

    /**
     * The address to go to. The coordinates must fall in Indonesia's bounding box (6°N to 11°S, 95°E to 141°E):
     * a swapped latitude and longitude is the usual mistake, and it would send the team to sea.
     */
    @Name("HomeVisitAddressInput")
    public record Address(@NotBlank @Size(max = 500) String line, @NotBlank @Size(max = 100) String kelurahan,
                          @NotBlank @Size(max = 100) String kecamatan,
                          @NotNull @DecimalMin("-11.5") @DecimalMax("6.5") Double latitude,
                          @NotNull @DecimalMin("94.5") @DecimalMax("141.5") Double longitude) {
    }
}
