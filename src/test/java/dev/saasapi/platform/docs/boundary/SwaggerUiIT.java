package dev.saasapi.platform.docs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Browser;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at /docs, clicked through in headless Chromium: Authorize with a password login, or with
 * an API key, then "Try it out" on an operation that needs it.
 */
class SwaggerUiIT extends HttpIT {

    private static WebDriver browser;

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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Opens /docs afresh (nothing authorized) and the Authorize dialog; returns the scheme's part of it. */
    private WebElement authorizeDialog(String scheme) {
        browser.get(api.uri("/docs").toString());
        waiting()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn.authorize")))
                .click();
        return waiting()
                .until(driver -> driver.findElements(By.cssSelector(".modal-ux .auth-container")).stream()
                        .filter(container -> container.getText().contains(scheme))
                        .findFirst()
                        .orElse(null));
    }

    /** Authorizes, closes the dialog, and runs the operation with its parameter; returns the status shown. */
    private String tryOut(WebElement authContainer, String operation, String parameter, String value) {
        click(authContainer.findElement(By.cssSelector("button.btn.modal-btn.auth.authorize")));
        waiting()
                .until(driver -> authContainer.findElements(By.cssSelector("button.btn.modal-btn.auth")).stream()
                        .anyMatch(button -> button.getText().contains("Logout")));
        click(browser.findElement(By.cssSelector(".modal-ux button.btn-done")));

        WebElement block = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(operation)));
        click(block.findElement(By.cssSelector(".opblock-summary")));
        click(waiting()
                .until(ExpectedConditions.elementToBeClickable(
                        block.findElement(By.cssSelector("button.try-out__btn")))));
        if (parameter != null) {
            block.findElement(By.cssSelector("input[placeholder='" + parameter + "']"))
                    .sendKeys(value);
        }
        click(block.findElement(By.cssSelector("button.execute")));
        return waiting().until(driver -> {
            var statuses = block.findElements(By.cssSelector(".live-responses-table .response .response-col_status"));
            return statuses.isEmpty() || statuses.get(0).getText().isBlank()
                    ? null
                    : statuses.get(0).getText();
        });
    }

    /**
     * Scrolled to first: the dialog and the long page put buttons below the fold; where the dialog's
     * own layers still cover it, the click is dispatched to the element itself.
     */
    private static void click(WebElement element) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            script.executeScript("arguments[0].click();", element);
        }
    }

    @Test
    void authorizesWithAPasswordLogin() {
        Tenant.Person person = Tenant.person(api);
        WebElement oauth = authorizeDialog("oauth2");
        oauth.findElement(By.id("oauth_username")).sendKeys(person.email());
        oauth.findElement(By.id("oauth_password")).sendKeys(Tenant.PASSWORD);

        String status = tryOut(oauth, "operations-users-getCurrentUser", null, null);

        assertEquals("200", status.strip().lines().findFirst().orElse(""));
        assertTrue(browser.findElement(By.id("operations-users-getCurrentUser"))
                .getText()
                .contains(person.email()));
    }

    @Test
    void authorizesWithAnApiKey() {
        Tenant tenant = Tenant.create(api);
        WebElement apiKey = authorizeDialog("apiKey");
        apiKey.findElement(By.cssSelector("input[type='text']"))
                .sendKeys(tenant.apiKey("member").key());

        String status = tryOut(apiKey, "operations-organizations-getOrganization", "org_id", tenant.id.toString());

        assertEquals("200", status.strip().lines().findFirst().orElse(""));
        assertTrue(browser.findElement(By.id("operations-organizations-getOrganization"))
                .getText()
                .contains("\"role\": \"member\""));
    }
}
