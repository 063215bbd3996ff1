/**
 * API keys: an organization's credentials for machine clients, managed by its admins and owners.
 * Answers {@code identity}'s question "what may this key do" ({@link
 * dev.saasapi.identity.control.ApiKeyLookup}); checks roles at the {@code organizations} boundary and
 * observes its events (a member who leaves takes their keys along).
 */
package dev.saasapi.apikeys;
