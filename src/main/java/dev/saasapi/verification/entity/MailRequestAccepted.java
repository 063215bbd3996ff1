package dev.saasapi.verification.entity;

/** The one answer to a request for a mail, whether or not a mail goes out: it tells nothing about the address. */
public record MailRequestAccepted(String detail) {}
