package id.satupintu.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;

/**
 * CSV (RFC 4180) for the reports that offer it: rows end in CRLF, a null cell is empty, a number is written plainly
 * (no exponent), and a cell holding a comma, a quote or a line break is quoted with its quotes doubled.
 */
public final class Csv {

    public static final String TYPE = "text/csv";

    private Csv() {
    }

    /** One row, CRLF included. */
    public static String row(List<?> cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append("\r\n").toString();
    }

    private static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** Whether the client asks for CSV before JSON (a client accepting anything gets JSON). */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
