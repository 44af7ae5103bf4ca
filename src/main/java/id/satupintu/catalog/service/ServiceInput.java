package id.satupintu.catalog.service;

import id.satupintu.catalog.ServiceStandard;
import id.satupintu.catalog.ServiceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;

/** What an admin sends to create a service; its {@code standard} becomes version 1. */
@Input("ServiceInput")
public record ServiceInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String code,
        @NotBlank String agencyCode,
        @NotBlank @Size(max = 200) String nameId,
        @NotBlank @Size(max = 200) String nameEn,
        @NotNull ServiceType type,
        @NotNull @Valid ServiceStandard standard) {
}
