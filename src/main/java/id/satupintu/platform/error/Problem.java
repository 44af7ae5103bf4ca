package id.satupintu.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** RFC 9457 problem details, with SatuPintu's stable {@code code} and the offending fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Written through Response entities and ObjectMapper calls Quarkus cannot see, so registered by hand.
@RegisterForReflection(targets = {Problem.class, Problem.InvalidField.class})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidField(String field, String code, String message) {
    }
}
