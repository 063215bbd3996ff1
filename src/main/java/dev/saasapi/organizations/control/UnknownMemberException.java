package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The organization in the path has no member with this id (a member of another organization is not one). */
public class UnknownMemberException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-member", 404, "Unknown member");
    private static final long serialVersionUID = 1L;

    public UnknownMemberException() {
        super(TYPE, "This organization has no member with this id.");
    }
}
