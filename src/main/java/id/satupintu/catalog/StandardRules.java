package id.satupintu.catalog;

import id.satupintu.platform.files.DocumentFormat;
import id.satupintu.platform.error.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The rules of a service standard that Bean Validation cannot state: uniqueness inside lists and
 * fields whose presence depends on another field. Paths start with {@code prefix} ("standard." when
 * the standard is nested in a service, "" when it is the whole body). Null parts are left to Bean
 * Validation, which reports them already.
 */
final class StandardRules {

    private StandardRules() {
    }

    static List<FieldError> check(ServiceStandard standard, ServiceType type, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (standard == null) {
            return errors;
        }
        List<Requirement> requirements = orEmpty(standard.requirements());
        flagRepeats(requirements, r -> r.code() == null ? null : r.code().toLowerCase(Locale.ROOT),
                i -> prefix + "requirements[" + i + "].code", errors);
        for (int i = 0; i < requirements.size(); i++) {
            List<DocumentFormat> formats = present(requirements.get(i) == null ? null : requirements.get(i).formats());
            if (new HashSet<>(formats).size() != formats.size()) {
                errors.add(FieldError.of(prefix + "requirements[" + i + "].formats", "duplicate"));
            }
        }
        List<FormField> form = orEmpty(standard.form());
        flagRepeats(form, FormField::name, i -> prefix + "form[" + i + "].name", errors);
        for (int i = 0; i < form.size(); i++) {
            if (form.get(i) != null && form.get(i).type() != null) {
                checkField(form.get(i), prefix + "form[" + i + "]", errors);
            }
        }
        flagRepeats(orEmpty(standard.kbli()), Function.identity(), i -> prefix + "kbli[" + i + "]", errors);
        if (type == ServiceType.NONPERIZINAN) {
            // Deemed approval (UU 30/2014 art. 53) and permit data only make sense for a permit.
            if (Boolean.TRUE.equals(standard.deemedApproval())) {
                errors.add(FieldError.of(prefix + "deemedApproval", "permits-only"));
            }
            if (standard.permitValidityMonths() != null) {
                errors.add(FieldError.of(prefix + "permitValidityMonths", "permits-only"));
            }
            if (standard.ossPermitCode() != null) {
                errors.add(FieldError.of(prefix + "ossPermitCode", "permits-only"));
            }
        }
        return errors;
    }

    private static void checkField(FormField field, String path, List<FieldError> errors) {
        List<String> options = present(field.options());
        if (field.type().isChoice() && options.isEmpty()) {
            errors.add(FieldError.of(path + ".options", "required"));
        } else if (!field.type().isChoice() && !options.isEmpty()) {
            errors.add(FieldError.of(path + ".options", "not-for-type", field.type()));
        } else if (new HashSet<>(options).size() != options.size()) {
            errors.add(FieldError.of(path + ".options", "duplicate"));
        }
        if (field.maxLength() != null && !field.type().isText()) {
            errors.add(FieldError.of(path + ".maxLength", "not-for-type", field.type()));
        }
        if (field.type() != FormFieldType.NUMBER) {
            if (field.min() != null) {
                errors.add(FieldError.of(path + ".min", "not-for-type", field.type()));
            }
            if (field.max() != null) {
                errors.add(FieldError.of(path + ".max", "not-for-type", field.type()));
            }
        } else if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            errors.add(FieldError.of(path + ".max", "less-than-min", field.min()));
        }
    }

    /** Marks every item whose key an earlier item already had. */
    private static <T> void flagRepeats(List<T> items, Function<T, String> key, IntFunction<String> path,
                                        List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String k = items.get(i) == null ? null : key.apply(items.get(i));
            if (k != null && !seen.add(k)) {
                errors.add(FieldError.of(path.apply(i), "duplicate"));
            }
        }
    }

    /** The list as it came, nulls included so that indexes match the request; empty for null. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The list without its null elements (their own error comes from Bean Validation); empty for null. */
    private static <T> List<T> present(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
