package dev.saasapi.verification.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Api;
import dev.saasapi.it.Browser;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages behind the links in mails, in a real browser (headless Chromium): mail → link → page →
 * click → done. Opening a page alone uses nothing up, as when a mail scanner follows the link.
 */
class AccountPagesIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static WebDriver browser;

    private final TestMail mail = TestMail.suite();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePagesAreStaticUnderAStrictContentSecurityPolicy() {
        for (String page : List.of("/account/verify-email", "/account/reset-password", "/account/accept-invitation")) {
            HttpResponse<String> response = api.get(page);
            assertEquals(200, response.statusCode(), page);
            assertEquals(
                    "text/html;charset=UTF-8",
                    response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
            String policy =
                    response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.startsWith("default-src 'none'; script-src 'self'"), policy);
            assertFalse(policy.contains("unsafe"), policy);
            assertFalse(response.body().contains("http"), "no external asset: " + page);
            assertEquals(
                    "no-referrer",
                    response.headers().firstValue("Referrer-Policy").orElseThrow());
        }
        assertEquals(404, api.get("/account/WEB-INF/account/account.js").statusCode());
        assertEquals(404, api.get("/account/").statusCode());
        assertEquals(404, api.get("/WEB-INF/account/verify-email.html").statusCode());
    }

    @Test
    void theVerificationLinkVerifiesOnlyWhenTheUserClicks() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        String link = TestMail.link(
                mail.awaitOne(email, "Confirm your email address"), TestMail.SUITE_PUBLIC_URL, "/account/verify-email");
        String access = json(api.login(email, PASSWORD)).getString("access_token");

        browser.get(onThisServer(link));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-button")));
        assertFalse(browser.getCurrentUrl().contains("token"), "the token leaves the address bar");
        assertFalse(json(api.get("/users/me", access)).getBoolean("email_verified"), "opening the page does nothing");

        browser.findElement(By.id("confirm-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is confirmed"));

        assertTrue(json(api.get("/users/me", access)).getBoolean("email_verified"));
        assertNoPolicyViolation();
    }

    @Test
    void theResetLinkTakesTheNewPasswordTwice() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        api.postJson(
                "/auth/password-reset",
                Json.createObjectBuilder().add("email", email).build().toString());
        String link = TestMail.link(
                mail.awaitOne(email, "Reset your password"), TestMail.SUITE_PUBLIC_URL, "/account/reset-password");

        browser.get(onThisServer(link));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-password")));
        browser.findElement(By.id("new-password")).sendKeys("br0wser-Passw0rd");
        browser.findElement(By.id("repeat-password")).sendKeys("br0wser-Passw0rd-typo");
        browser.findElement(By.id("confirm-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "differ"));

        browser.findElement(By.id("repeat-password")).clear();
        browser.findElement(By.id("repeat-password")).sendKeys("br0wser-Passw0rd");
        browser.findElement(By.id("confirm-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "password was changed"));

        assertEquals(401, api.login(email, PASSWORD).statusCode());
        assertEquals(200, api.login(email, "br0wser-Passw0rd").statusCode());
        mail.awaitOne(email, "Your password was changed");
        assertNoPolicyViolation();
    }

    @Test
    void withoutATokenTheResetPageAsksForTheAddress() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);

        browser.get(onThisServer(TestMail.SUITE_PUBLIC_URL + "/account/reset-password"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-email")));
        browser.findElement(By.id("request-email")).sendKeys(email);
        browser.findElement(By.cssSelector("#request-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "on its way"));

        mail.awaitOne(email, "Reset your password");
        assertNoPolicyViolation();
    }

    @Test
    void theInvitationPageSignsInAcceptsAndSignsOutAgain() throws Exception {
        String owner = uniqueEmail();
        String ownerToken = api.registeredToken(owner, PASSWORD);
        String organization = json(api.postJson("/orgs", ownerToken, "{\"name\": \"Page Test Org\"}"))
                .getString("id");
        String invitee = uniqueEmail();
        api.register(invitee, PASSWORD);
        String verify = TestMail.link(
                mail.awaitOne(invitee, "Confirm your email address"),
                TestMail.SUITE_PUBLIC_URL,
                "/account/verify-email");
        api.postJson(
                "/auth/verify-email",
                Json.createObjectBuilder()
                        .add("token", TestMail.token(verify))
                        .build()
                        .toString());
        api.postJson(
                "/orgs/" + organization + "/invitations",
                ownerToken,
                Json.createObjectBuilder()
                        .add("email", invitee)
                        .add("role", "admin")
                        .build()
                        .toString());
        String link = TestMail.link(
                mail.awaitOne(invitee, "You are invited"), TestMail.SUITE_PUBLIC_URL, "/account/accept-invitation");

        browser.get(onThisServer(link));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertFalse(browser.getCurrentUrl().contains("token"), "the token leaves the address bar");
        browser.findElement(By.id("email")).sendKeys(invitee);
        browser.findElement(By.id("password")).sendKeys("wr0ng-Passw0rd");
        browser.findElement(By.id("confirm-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Incorrect email or password"));
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "You joined Page Test Org as admin"));

        String access = json(api.login(invitee, PASSWORD)).getString("access_token");
        assertEquals("admin", json(api.get("/orgs/" + organization, access)).getString("role"));
        assertEquals(1, Api.jsonArray(api.get("/users/me/sessions", access)).size(), "the page's session ended");
        assertNoPolicyViolation();
    }

    /** A fresh page load, as from a mail: the same path with another fragment would not load it again. */
    @org.junit.jupiter.api.BeforeEach
    void blankPage() {
        browser.get("about:blank");
    }

    /** The link as mailed, pointed at the suite's server instead of PUBLIC_URL. */
    private String onThisServer(String link) {
        String base = api.uri("/").toString().replaceAll("/$", "");
        return base + link.substring(TestMail.SUITE_PUBLIC_URL.length());
    }

    private static void assertNoPolicyViolation() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations);
    }
}
