package id.satupintu.application;

import java.util.Map;

/**
 * A new application or a draft's new content. {@code siteCode} is needed only when the agency
 * serves at several sites; {@code applicantNik} only when staff file for a citizen; {@code nib} and
 * {@code kbli} identify a business (required from integrators, KBLI for permits).
 */
public record ApplicationInput(String serviceCode, String siteCode, Boolean draft, Map<String, Object> form,
                               String applicantNik, String nib, String kbli) {

    boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }

    Map<String, Object> formOrEmpty() {
        return form == null ? Map.of() : form;
    }
}
