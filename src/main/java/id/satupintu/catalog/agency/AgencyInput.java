package id.satupintu.catalog.agency;

import id.satupintu.catalog.AgencyKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

/** What an admin sends to create or replace an agency (the demo catalog uses the same shape). */
@Input("AgencyInput")
public record AgencyInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 60) String shortName,
        @NotNull AgencyKind kind,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 32) String> siteCodes,
        @Size(max = 200) @Pattern(regexp = "https?://\\S+") String website,
        @Size(max = 40) String phone) {
}
