package id.satupintu.catalog.service;

import id.satupintu.catalog.ServiceType;

/** Filters of the public service list; every one is optional. {@code q} searches code and both names. */
public record ServiceFilter(String siteCode, String agencyCode, ServiceType type, String q) {
}
