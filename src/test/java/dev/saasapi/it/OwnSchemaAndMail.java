package dev.saasapi.it;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test that starts Payara instances of its own: each test method gets an empty schema and an
 * SMTP server, both gone after it. Register with {@code @RegisterExtension}.
 */
public final class OwnSchemaAndMail implements BeforeEachCallback, AfterEachCallback {

    private final String schemaPrefix;
    private TestSchema schema;
    private TestMail smtp;

    public OwnSchemaAndMail(String schemaPrefix) {
        this.schemaPrefix = schemaPrefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        schema = TestSchema.create(schemaPrefix);
        smtp = TestMail.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        smtp.close();
        schema.close();
    }

    public TestSchema schema() {
        return schema;
    }

    public TestMail smtp() {
        return smtp;
    }
}
