package dev.saasapi.apikeys.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;

/** The organization in the path has no API key with this id (a key of another organization is not one). */
public class UnknownApiKeyException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("unknown-api-key", 404, "Unknown API key");
    private static final long serialVersionUID = 1L;

    public UnknownApiKeyException() {
        super(TYPE, "This organization has no API key with this id.");
    }
}
