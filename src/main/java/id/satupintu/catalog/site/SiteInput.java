package id.satupintu.catalog.site;

import id.satupintu.catalog.OpeningHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** What an admin sends to create or replace a site (the demo catalog uses the same shape). */
@Input("SiteInput")
public record SiteInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}") String code,
        @NotBlank @Pattern(regexp = "MPP|PTSP") String kind,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "[0-9]{2}") String provinceCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotBlank String timeZone,
        @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        @NotNull @Size(max = 7) List<@Valid @NotNull OpeningHours> openingHours) {
}
