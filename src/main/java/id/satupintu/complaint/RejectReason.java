package id.satupintu.complaint;

/** Why a received complaint is not handled. */
public enum RejectReason {
    SPAM, OUT_OF_SCOPE, DUPLICATE
}
