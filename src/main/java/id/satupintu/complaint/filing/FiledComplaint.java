package id.satupintu.complaint.filing;


import id.satupintu.complaint.ComplaintView;
/** The answer to a filing: the complaint and, for an anonymous one only, its secret (shown this once). */
public record FiledComplaint(ComplaintView complaint, String secret) {
}
