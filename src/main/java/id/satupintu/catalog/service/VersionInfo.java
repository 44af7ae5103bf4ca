package id.satupintu.catalog.service;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Name;

/** One entry of a service's standard history (who published it stays internal). */
@Name("StandardVersionInfo")
public record VersionInfo(int version, OffsetDateTime publishedAt, boolean current) {

    static VersionInfo of(StandardVersion published) {
        return new VersionInfo(published.version, published.createdAt,
                published.version == published.service.currentVersion);
    }
}
