package dev.saasapi.it;

import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Payara Micro boot for all integration test classes, deploying the WAR that {@code package}
 * built (ROOT.war, so the API sits at the server root, as in production).
 */
@ArquillianSuiteDeployment
public class SuiteDeployment {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }
}
