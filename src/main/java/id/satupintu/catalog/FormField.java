package id.satupintu.catalog;

import io.smallrye.graphql.api.Nullable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a service's application form. {@code options} only for the choice types,
 * {@code maxLength} only for STRING/TEXT, {@code min}/{@code max} only for NUMBER. {@code @Nullable}
 * keeps GraphQL from reading the element constraints as "the list is required".
 */
public record FormField(
        @NotBlank @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,49}") String name,
        @NotBlank @Size(max = 200) String labelId,
        @NotBlank @Size(max = 200) String labelEn,
        @NotNull FormFieldType type,
        @NotNull Boolean required,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 100) String> options,
        @Min(1) @Max(20000) Integer maxLength,
        @Digits(integer = 15, fraction = 6) BigDecimal min,
        @Digits(integer = 15, fraction = 6) BigDecimal max) {
}
