package id.satupintu.complaint.filing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.satupintu.complaint.ComplaintKind;
import id.satupintu.platform.error.ProblemException;
import id.satupintu.platform.i18n.Messages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The complaint categories (reference data from the V19 migration), in the reader's language. */
@ApplicationScoped
public class ComplaintCategories {

    private static final String SELECT = "select code, name_id, name_en, description_id, description_en, kinds, "
            + "attributes::text as attributes from complaint_category where active ";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    /** Every active category, in the order offices list them. */
    public Uni<List<ComplaintCategory>> list(Locale locale) {
        return pool.query(SELECT + "order by sort_order, code").execute().map(rows -> {
            List<ComplaintCategory> list = new ArrayList<>();
            rows.forEach(row -> list.add(toCategory(row, locale)));
            return list;
        });
    }

    /** One active category; 404 complaint-category-not-found. */
    public Uni<ComplaintCategory> find(String code, Locale locale) {
        return pool.preparedQuery(SELECT + "and code = $1").execute(Tuple.of(code)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("complaint-category", code);
            }
            return toCategory(rows.iterator().next(), locale);
        });
    }

    private ComplaintCategory toCategory(Row row, Locale locale) {
        boolean english = Messages.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<ComplaintKind> kinds = Arrays.stream(row.getArrayOfStrings("kinds")).map(ComplaintKind::valueOf).toList();
        List<Map<String, Object>> raw;
        try {
            raw = mapper.readValue(row.getString("attributes"), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("complaint_category.attributes of " + row.getString("code"), e);
        }
        List<ComplaintCategory.Attribute> attributes = raw.stream().map(a -> new ComplaintCategory.Attribute(
                (String) a.get("code"), (String) a.get("datatype"), Boolean.TRUE.equals(a.get("required")),
                (String) a.get(english ? "descriptionEn" : "descriptionId"), values(a.get("values")))).toList();
        return new ComplaintCategory(row.getString("code"), row.getString(english ? "name_en" : "name_id"),
                row.getString(english ? "description_en" : "description_id"), kinds, attributes);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> values(Object values) {
        return values instanceof List<?> list ? (List<Map<String, String>>) list : List.of();
    }
}
