package dev.saasapi.organizations.control;

import dev.saasapi.organizations.entity.Invitation;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import java.util.List;
import java.util.Set;

/** The {@code status} filter of the invitations list. */
public final class InvitationStatus {

    private static final Set<String> STATUSES = Set.of("pending", "accepted", "revoked", "expired");

    private InvitationStatus() {}

    /**
     * @return the status, or {@link Invitation#ALL} when absent
     * @throws InvalidFieldsException for anything else
     */
    public static String of(String status) {
        if (status == null) {
            return Invitation.ALL;
        }
        if (!STATUSES.contains(status)) {
            throw new InvalidFieldsException(
                    List.of(new Problem.FieldError("status", "must be pending, accepted, revoked or expired")));
        }
        return status;
    }
}
