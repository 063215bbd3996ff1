package dev.saasapi.organizations.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** Another organization already has the slug. */
public class SlugTakenException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("slug-taken", 409, "Slug already taken");
    private static final long serialVersionUID = 1L;

    public SlugTakenException() {
        super(TYPE, "Another organization already uses this slug.");
    }
}
