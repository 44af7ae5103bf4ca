package id.satupintu.platform.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation run by a service rather than by the REST layer, so REST, GraphQL and start-up
 * loaders all get the same field errors (JSON paths such as {@code standard.form[2].options}).
 */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    /** The constraint violations of input as field errors, sorted by field; a null input is one error. */
    public List<FieldError> violations(Object input, String nameIfNull) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            errors.add(FieldError.of(nameIfNull, "required"));
            return errors;
        }
        validator.validate(input).forEach(v -> errors.add(ProblemMappers.toFieldError(v)));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** Throws a validation problem when there are any errors. */
    public static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
