package id.satupintu.complaint.filing;

import id.satupintu.complaint.ComplaintKind;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Name;

/** A complaint category (e.g. PUNGLI, unofficial fees), with the extra questions it asks. */
public record ComplaintCategory(String code, String name, String description, List<ComplaintKind> kinds,
                               List<Attribute> attributes) {

    /**
     * An extra question of the category. {@code datatype} uses Open311's words (string, number,
     * datetime, text, singlevaluelist, multivaluelist); {@code values} the choices of a list.
     */
    @Name("ComplaintCategoryAttribute")
    public record Attribute(String code, String datatype, boolean required, String description,
                            List<Map<String, String>> values) {
    }
}
