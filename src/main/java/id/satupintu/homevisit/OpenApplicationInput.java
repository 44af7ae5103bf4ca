package id.satupintu.homevisit;

import java.util.Map;

/**
 * The application a visit opens for the visited citizen, filed by the team member on site through the application
 * feature (its rules apply): a draft with this form, to which the documents captured on site are uploaded.
 */
public record OpenApplicationInput(Map<String, Object> form) {
}
