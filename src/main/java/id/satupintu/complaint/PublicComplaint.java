package id.satupintu.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What anyone may know of a complaint (the Open311 request view): never who reported it or how to
 * reach them. Of a confidential complaint its text, location (coordinates and address), media URL and
 * status notes are withheld too (null), since each can name its author. {@code statusNotes} is the
 * finer state and the latest public response.
 */
public record PublicComplaint(String trackingCode, ComplaintKind kind, String categoryCode, String categoryName,
                              ComplaintState state, boolean open, String statusNotes, String description,
                              String siteCode, String agencyCode, String serviceCode, Double latitude,
                              Double longitude, String address, String mediaUrl, LocalDate expectedOn,
                              OffsetDateTime requestedAt, OffsetDateTime updatedAt) {
}
