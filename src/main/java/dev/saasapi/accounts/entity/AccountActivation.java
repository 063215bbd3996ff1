package dev.saasapi.accounts.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code PATCH /admin/users/{id}}. */
public record AccountActivation(
        @JsonbProperty("is_active") @Present Boolean isActive) {}
