package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.OAuthError;
import dev.saasapi.platform.problems.entity.Problem;
import dev.saasapi.platform.problems.entity.ProblemType;
import java.util.Comparator;
import java.util.List;

/** Well-formed input with invalid values: 422 with one entry per field, as FastAPI clients expect. */
public class InvalidFieldsException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("validation", 422, "Invalid request");
    private static final long serialVersionUID = 1L;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        this(errors, null);
    }

    /** @param oauthError the code a token endpoint adds for OAuth2 clients, or null */
    public InvalidFieldsException(List<Problem.FieldError> errors, OAuthError oauthError) {
        super(
                TYPE,
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                errors.stream()
                        .sorted(Comparator.comparing(Problem.FieldError::field)
                                .thenComparing(Problem.FieldError::message))
                        .toList(),
                oauthError,
                0);
    }
}
