/**
 * Organizations (tenants): their members and roles ({@code owner}, {@code admin}, {@code member}). To
 * anyone who is not a member, an organization and everything under it does not exist (404). Uses the
 * {@code accounts} feature's caller and entities, observes its events (an account's deletion must not
 * leave an organization without an owner); depends on {@code identity} and {@code platform}.
 */
package dev.saasapi.organizations;
