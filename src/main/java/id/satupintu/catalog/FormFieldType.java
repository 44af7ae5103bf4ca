package id.satupintu.catalog;

/** Kinds of field on a service's application form. */
public enum FormFieldType {
    STRING,
    TEXT,
    NUMBER,
    DATE,
    SINGLE_CHOICE,
    MULTI_CHOICE;

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    public boolean isText() {
        return this == STRING || this == TEXT;
    }
}
