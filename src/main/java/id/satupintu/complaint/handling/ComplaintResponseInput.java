package id.satupintu.complaint.handling;


import id.satupintu.complaint.Visibility;
import org.eclipse.microprofile.graphql.Input;
/**
 * A message on a complaint without a state change: staff write a public response or an internal
 * note ({@code visibility}, default PUBLIC); the reporter's reply is always public.
 */
@Input("ComplaintResponseInput")
public record ComplaintResponseInput(String text, Visibility visibility) {
}
