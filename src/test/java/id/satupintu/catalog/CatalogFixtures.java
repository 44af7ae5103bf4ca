package id.satupintu.catalog;

import static io.restassured.RestAssured.given;

import id.satupintu.support.TestTokens;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for catalog test data, in the shape of the admin write API. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    public static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> requirement(String code) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("nameId", "Dokumen " + code);
        r.put("nameEn", "Document " + code);
        r.put("mandatory", true);
        r.put("formats", new ArrayList<>(List.of("PDF", "JPEG")));
        return r;
    }

    public static Map<String, Object> field(String name, String type) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("labelId", "Isian " + name);
        f.put("labelEn", "Field " + name);
        f.put("type", type);
        f.put("required", true);
        if (type.endsWith("_CHOICE")) {
            f.put("options", new ArrayList<>(List.of("A", "B")));
        }
        return f;
    }

    /** A complete, valid standard that tests change one part of. */
    public static Map<String, Object> standard() {
        Map<String, Object> s = new HashMap<>();
        s.put("requirements", new ArrayList<>(List.of(requirement("ktp"), requirement("kk"))));
        s.put("procedure", new ArrayList<>(List.of("Ambil antrian", "Verifikasi berkas", "Serahkan produk")));
        s.put("completionDays", 3);
        s.put("tariff", 0);
        s.put("tariffBasis", "Gratis");
        s.put("product", "Surat keterangan");
        s.put("complaintHandling", "SP4N-LAPOR!");
        s.put("legalBasis", new ArrayList<>(List.of("UU No. 25 Tahun 2009 tentang Pelayanan Publik")));
        s.put("facilities", "Ruang tunggu, loket");
        s.put("staffCompetence", "Memahami peraturan");
        s.put("internalSupervision", "Atasan langsung");
        s.put("staffCount", "2 orang");
        s.put("serviceGuarantee", "Sesuai standar");
        s.put("securityGuarantee", "Data dijaga");
        s.put("performanceEvaluation", "Survei tiap semester");
        s.put("form", new ArrayList<>(List.of(field("alamat", "TEXT"), field("jenis", "SINGLE_CHOICE"))));
        s.put("deemedApproval", false);
        s.put("kbli", new ArrayList<>());
        return s;
    }

    public static Map<String, Object> service(String code, String agencyCode, String type, Map<String, Object> standard) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", code);
        s.put("agencyCode", agencyCode);
        s.put("nameId", "Layanan uji " + code);
        s.put("nameEn", "Test service " + code);
        s.put("type", type);
        s.put("standard", standard);
        return s;
    }

    public static Map<String, Object> agency(String code, String... siteCodes) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("code", code);
        a.put("name", "Instansi Uji " + code);
        a.put("shortName", "Uji");
        a.put("kind", "REGIONAL");
        a.put("siteCodes", List.of(siteCodes));
        return a;
    }

    public static void createAgency(String code, String... siteCodes) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(agency(code, siteCodes))
                .post("/api/v1/agencies").then().statusCode(201);
    }

    public static void createService(Map<String, Object> service) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(service)
                .post("/api/v1/services").then().statusCode(201);
    }
}
