package id.satupintu.application;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Read reflectively by Jackson outside REST (idempotent replays), so a native image keeps them. */
@RegisterForReflection(targets = {ApplicationView.class, ApplicationView.Applicant.class, ApplicationView.Sla.class,
        ApplicationInput.class})
final class ApplicationJsonTypes {

    private ApplicationJsonTypes() {
    }
}
