package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.it.CapturedLog;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private final CapturedLog log = new CapturedLog(RequestLog.LOGGER_NAME);

    @BeforeEach
    void capture() {
        log.attach();
    }

    @AfterEach
    void release() {
        log.detach();
    }

    @Test
    void namesAnAccountOrAKeyButNoOtherCallerName() {
        RequestLog.finished("GET", "/users/me", 200, 1_500_000, "3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b");
        RequestLog.finished("GET", "/orgs/{org_id}", 200, 1_500_000, "saas_Ab3dE6gH");
        RequestLog.finished("GET", "/users/me", 200, 1_500_000, "someone@example.com password=hunter2");

        assertEquals(
                List.of(
                        "method=GET route=/users/me status=200 duration_ms=1.5 user_id=3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b",
                        "method=GET route=/orgs/{org_id} status=200 duration_ms=1.5 user_id=saas_Ab3dE6gH",
                        "method=GET route=/users/me status=200 duration_ms=1.5"),
                log.records().stream().map(LogRecord::getMessage).toList());
        assertEquals(
                Map.of("method", "GET", "route", "/users/me", "status", 200, "duration_ms", "1.5"),
                log.records().get(2).getParameters()[0]);
    }
}
