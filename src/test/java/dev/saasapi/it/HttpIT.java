package dev.saasapi.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** An integration test that talks HTTP to the application deployed by {@link SuiteDeployment}. */
@ExtendWith(ArquillianExtension.class)
@Execution(ExecutionMode.SAME_THREAD) // Arquillian's state is per thread: the suite's classes share one
@RunAsClient
public abstract class HttpIT {

    @ArquillianResource
    URL deployment;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(deployment);
    }
}
