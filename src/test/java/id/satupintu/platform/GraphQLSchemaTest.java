package id.satupintu.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The published schema (/graphql/schema.graphql) as clients read it. */
@QuarkusTest
class GraphQLSchemaTest {

    private static String schema() {
        return given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    }

    /** SmallRye names an input type after its Java class plus "Input": SiteInput used to be SiteInputInput. */
    @Test
    void inputTypesAreNamedCleanly() {
        String schema = schema();
        assertFalse(schema.contains("InputInput"), "an input type named ...InputInput");
        TypeDefinitionRegistry types = new SchemaParser().parse(schema);
        for (String name : List.of("AgencyInput", "ApiClientInput", "BookingScheduleInput", "ComplaintResponseInput",
                "ComplaintTransitionInput", "CounterInput", "LaneInput", "ServiceInput", "SiteInput", "TransitionInput")) {
            assertNotNull(types.getType(name, InputObjectTypeDefinition.class).orElse(null), "input " + name);
        }
    }

    /**
     * A Java int, long or boolean parameter becomes a required argument, an error when omitted. The only
     * required scalar arguments of the operations are those that have no sensible default (paging
     * arguments such as first are optional everywhere).
     */
    @Test
    void onlyArgumentsWithoutADefaultAreRequiredScalars() {
        TypeDefinitionRegistry types = new SchemaParser().parse(schema());
        Set<String> scalars = Set.of("Int", "Float", "Boolean", "BigInteger", "BigDecimal");
        Set<String> required = new TreeSet<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            ObjectTypeDefinition type = types.getType(root, ObjectTypeDefinition.class).orElseThrow();
            for (FieldDefinition field : type.getFieldDefinitions()) {
                for (InputValueDefinition argument : field.getInputValueDefinitions()) {
                    if (argument.getType() instanceof NonNullType nonNull && nonNull.getType() instanceof TypeName name
                            && scalars.contains(name.getName())) {
                        required.add(field.getName() + "." + argument.getName());
                    }
                }
            }
        }
        // A year and a number of days: the question itself.
        assertEquals(Set.of("addWorkingDays.days", "holidays.year"), required);
    }
}
