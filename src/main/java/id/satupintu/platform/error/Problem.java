package id.satupintu.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with SatuPintu's stable {@code code} and the offending fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidField(String field, String code, String message) {
    }
}
