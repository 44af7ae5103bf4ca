package id.satupintu.platform.files;

/** File formats a requirement (persyaratan) may be uploaded in. */
public enum DocumentFormat {
    PDF,
    JPEG,
    PNG
}
