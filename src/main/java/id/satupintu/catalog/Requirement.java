package id.satupintu.catalog;

import id.satupintu.platform.files.DocumentFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One persyaratan: a document the applicant uploads, in one of the allowed formats. */
public record Requirement(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9_-]{0,39}") String code,
        @NotBlank @Size(max = 300) String nameId,
        @NotBlank @Size(max = 300) String nameEn,
        @NotNull Boolean mandatory,
        @NotEmpty @Size(max = 3) List<@NotNull DocumentFormat> formats,
        @Size(max = 2000) String descriptionId,
        @Size(max = 2000) String descriptionEn) {
}
