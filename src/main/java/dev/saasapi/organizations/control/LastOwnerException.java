package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The change would leave an organization without an owner. */
public class LastOwnerException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("last-owner", 409, "Last owner");
    private static final long serialVersionUID = 1L;

    public LastOwnerException() {
        super(TYPE, "An organization needs an owner: make another member an owner first.");
    }
}
