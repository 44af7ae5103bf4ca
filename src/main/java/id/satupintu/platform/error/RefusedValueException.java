package id.satupintu.platform.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value that parses but is refused by a rule of ours (an instant PostgreSQL cannot store), with
 * the field error code the client sees instead of the generic {@code wrong-type}.
 */
public class RefusedValueException extends InvalidFormatException {

    private final String code;
    private final transient Object[] args;

    public RefusedValueException(JsonParser parser, String code, Object value, Class<?> type, Object... args) {
        super(parser, code, value, type);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
