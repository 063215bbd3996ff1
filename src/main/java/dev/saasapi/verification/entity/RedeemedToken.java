package dev.saasapi.verification.entity;

import java.util.UUID;

/** A token used just now, by this request and no other: whose it was and where it was sent. */
public record RedeemedToken(UUID userId, String email) {}
