/**
 * The one convention of every list the API returns: {@code page} (from 1) and {@code per_page} (20 by
 * default, at most 100), a {@code Link} header (RFC 8288) and {@code X-Total-Count}. Knows nothing of
 * the features whose lists it pages.
 */
package dev.saasapi.platform.lists;
