package dev.saasapi.verification.entity;

/** What a mailed link's token proves when it is used; each has a page of its own. */
public enum TokenPurpose {
    VERIFY_EMAIL("/account/verify-email"),
    RESET_PASSWORD("/account/reset-password");

    private final String page;

    TokenPurpose(String page) {
        this.page = page;
    }

    /** The page the link opens, under {@code PUBLIC_URL}. */
    public String page() {
        return page;
    }
}
