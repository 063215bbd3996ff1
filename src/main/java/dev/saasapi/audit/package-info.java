/**
 * The audit log: an append-only record of security events. Observes {@link
 * dev.saasapi.platform.audit.entity.SecurityEvent}s, which every feature fires in the transaction of
 * the change it records, and writes each in that transaction; serves them to the account they concern,
 * to an organization's admins and to platform admins; purges them after {@code AUDIT_RETENTION_DAYS}.
 */
package dev.saasapi.audit;
