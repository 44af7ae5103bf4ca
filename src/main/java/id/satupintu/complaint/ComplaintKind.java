package id.satupintu.complaint;

/** What a citizen sends: a complaint (pengaduan), a suggestion (aspirasi) or an information request. */
public enum ComplaintKind {
    PENGADUAN, ASPIRASI, INFORMATION_REQUEST
}
