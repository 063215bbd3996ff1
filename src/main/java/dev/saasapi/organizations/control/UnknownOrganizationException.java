package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** No organization with this id has the caller as a member: to a non-member, an organization does not exist, whether or not it does. */
public class UnknownOrganizationException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-organization", 404, "Unknown organization");
    private static final long serialVersionUID = 1L;

    public UnknownOrganizationException() {
        super(TYPE, "You are not a member of an organization with this id.");
    }
}
