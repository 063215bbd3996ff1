package dev.saasapi.organizations.control;

import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The caller is a member, but their role does not allow this. */
public class InsufficientRoleException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("insufficient-role", 403, "Insufficient role");
    private static final long serialVersionUID = 1L;

    public InsufficientRoleException(MemberRole least) {
        super(TYPE, "This needs the " + least.value() + " role or a higher one in this organization.");
    }

    /** Only owners grant, change or take away the owner role. */
    public static InsufficientRoleException ownersOnly() {
        return new InsufficientRoleException(MemberRole.OWNER);
    }
}
