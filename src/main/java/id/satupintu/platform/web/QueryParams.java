package id.satupintu.platform.web;

import id.satupintu.platform.error.ProblemException;

/** Query parameters read strictly: a value that is not one of the allowed ones is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code true}, {@code false}, or null when absent. */
    public static Boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ProblemException.validation(name, "invalid", value);
    }

    /** A constant of the enum by its exact name, or null when absent. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(name, "invalid", value);
        }
    }
}
