package id.satupintu.platform.events;

/** An event still to be appended: the stream it goes on, its type, and what that stream's followers may see. */
public record NewEvent(String stream, String type, Object payload) {
}
