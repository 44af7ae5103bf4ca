package id.satupintu.catalog;

import id.satupintu.platform.error.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of a service standard that Bean Validation cannot state: uniqueness inside lists and
 * fields whose presence depends on another field. Paths start with {@code prefix} ("standard." when
 * the standard is nested in a service, "" when it is the whole body).
 */
final class StandardRules {

    private StandardRules() {
    }

    static List<FieldError> check(ServiceStandard standard, ServiceType type, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (standard == null) {
            return errors;
        }
        checkRequirements(standard.requirements(), prefix, errors);
        checkForm(standard.form(), prefix, errors);
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
        if (standard.kbli() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < standard.kbli().size(); i++) {
                String code = standard.kbli().get(i);
                if (code != null && !seen.add(code)) {
                    errors.add(FieldError.of(prefix + "kbli[" + i + "]", "duplicate"));
                }
            }
        }
        return errors;
    }

    private static void checkRequirements(List<Requirement> requirements, String prefix, List<FieldError> errors) {
        if (requirements == null) {
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < requirements.size(); i++) {
            Requirement requirement = requirements.get(i);
            if (requirement == null) {
                continue;
            }
            String path = prefix + "requirements[" + i + "]";
            if (requirement.code() != null && !codes.add(requirement.code().toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.of(path + ".code", "duplicate"));
            }
            if (requirement.formats() != null && Set.copyOf(nonNull(requirement.formats())).size()
                    != nonNull(requirement.formats()).size()) {
                errors.add(FieldError.of(path + ".formats", "duplicate"));
            }
        }
    }

    private static void checkForm(List<FormField> form, String prefix, List<FieldError> errors) {
        if (form == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < form.size(); i++) {
            FormField field = form.get(i);
            if (field == null) {
                continue;
            }
            String path = prefix + "form[" + i + "]";
            if (field.name() != null && !names.add(field.name())) {
                errors.add(FieldError.of(path + ".name", "duplicate"));
            }
            if (field.type() == null) {
                continue;
            }
            boolean hasOptions = field.options() != null && !field.options().isEmpty();
            if (field.type().isChoice() && !hasOptions) {
                errors.add(FieldError.of(path + ".options", "required"));
            } else if (!field.type().isChoice() && hasOptions) {
                errors.add(FieldError.of(path + ".options", "not-for-type", field.type()));
            } else if (hasOptions && Set.copyOf(nonNull(field.options())).size() != nonNull(field.options()).size()) {
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
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
