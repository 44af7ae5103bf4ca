package id.satupintu.platform.graphql;

import graphql.parser.ParserOptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@code quarkus.smallrye-graphql.parser-max-tokens} bound the queries clients send.
 * SmallRye GraphQL 2.17 puts the configured limit into graphql-java's default parser options, but
 * graphql-java (since 20) parses operations with its separate operation parser options, which keep
 * their own default of 15,000 tokens: without this the configured 5,000 never applied
 * ({@code GraphQLLimitsTest} shows it does now).
 */
@ApplicationScoped
class GraphQLParserLimits {

    // Quarkus's own properties, read as they are: their defaults are Quarkus's, which a mapping of ours would repeat.
    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens")
    OptionalInt maxTokens;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens")
    OptionalInt maxWhitespaceTokens;

    void apply(@Observes StartupEvent event) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> {
                    maxTokens.ifPresent(options::maxTokens);
                    maxWhitespaceTokens.ifPresent(options::maxWhitespaceTokens);
                }));
    }
}
