package id.satupintu.application;

/**
 * Notes and reasons written on an application: with a workflow step, an assignment or a permit's
 * revocation. Free text, kept whole in the history (and, for a revocation, shown to verifiers).
 */
public final class Notes {

    /** The longest note or reason accepted, in characters. */
    public static final int MAX_LENGTH = 2000;

    private Notes() {
    }
}
