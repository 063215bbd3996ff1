package dev.saasapi.platform.mail.entity;

/** A mail was written to the outbox; observed after the commit, to deliver it without waiting for the next poll. */
public record MailQueued() {}
