package id.satupintu.platform.error;

import java.util.List;

/**
 * One offending field of a request: a JSON path such as {@code form.luasBangunan}, a stable
 * code (required, invalid-format, ...) and the arguments its localized message needs.
 */
public record FieldError(String field, String code, List<Object> args) {

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }
}
