package id.satupintu.platform.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose response cannot take back its status once it has started: an SSE stream or a
 * file sent chunk by chunk. {@link StreamGuard} asks the resource's {@link StreamAdmission} first, so a
 * stranger or an unknown id gets a plain problem answer instead of a 200 that breaks off. A resource
 * class has at most one such endpoint (its admission is found by the class).
 */
@NameBinding
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface GuardedStream {
}
