package id.satupintu.complaint;

/** A public response reaches the reporter; an internal note stays with the handling staff. */
public enum Visibility {
    PUBLIC, INTERNAL
}
