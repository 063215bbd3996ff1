package dev.saasapi.platform.problems.control;

import dev.saasapi.platform.problems.entity.ProblemType;

/**
 * Another request changed the same data at the same moment, so this one changed nothing: either
 * PostgreSQL rolled its transaction back to resolve a conflict (a deadlock, or a serialization
 * failure), or a feature saw its data change between its read and its write.
 */
public class ConcurrentUpdateException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("concurrent-update", 409, "Concurrent update");
    private static final long serialVersionUID = 1L;

    /** PostgreSQL rolled the transaction back: the same request can simply be sent again. */
    public ConcurrentUpdateException() {
        this("Another request changed the same data at the same moment; nothing was changed. Retry the request.");
    }

    /** @param detail what changed, and what the client is to do about it */
    public ConcurrentUpdateException(String detail) {
        super(TYPE, detail);
    }
}
