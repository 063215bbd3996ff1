package dev.saasapi.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Payara Micro boot for all integration test classes, deploying the WAR that {@code package}
 * built (ROOT.war, so the API sits at the server root, as in production), plus the classes of the
 * {@link InContainerIT} tests, which Arquillian runs inside it. The HTTP tests ({@link HttpIT}) run
 * as clients and see the application as production does.
 */
@ArquillianSuiteDeployment
public class SuiteDeployment {

    @Deployment(testable = true)
    public static WebArchive deployment() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
        war.addClass(InContainerIT.class);
        inContainerTests().forEach(war::addClass);
        return war;
    }

    /** The compiled {@link InContainerIT} subclasses (with their nested classes). */
    static List<Class<?>> inContainerTests() {
        Path classes = Path.of(InContainerIT.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith("IT.class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .map(SuiteDeployment::load)
                    .filter(type -> InContainerIT.class.isAssignableFrom(type) && type != InContainerIT.class)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SuiteDeployment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
