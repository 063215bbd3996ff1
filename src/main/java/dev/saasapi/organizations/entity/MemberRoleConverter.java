package dev.saasapi.organizations.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role by its API name, as the table's check constraint expects. */
@Converter
public class MemberRoleConverter implements AttributeConverter<MemberRole, String> {

    @Override
    public String convertToDatabaseColumn(MemberRole role) {
        return role == null ? null : role.value();
    }

    @Override
    public MemberRole convertToEntityAttribute(String value) {
        return value == null
                ? null
                : MemberRole.of(value).orElseThrow(() -> new IllegalStateException("unknown role " + value));
    }
}
