package id.satupintu.complaint;

import org.eclipse.microprofile.graphql.Name;

/** A public response reaches the reporter; an internal note stays with the handling staff. */
@Name("ComplaintVisibility")
public enum Visibility {
    PUBLIC, INTERNAL
}
