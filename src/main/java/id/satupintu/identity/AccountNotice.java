package id.satupintu.identity;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** Something an account is told in its own {@code /me}, in the caller's language. */
@RegisterForReflection
public record AccountNotice(String code, String title, String detail, OffsetDateTime at) {
}
