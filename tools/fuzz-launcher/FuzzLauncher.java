import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one JUnit fuzz test method ({@code Class#method}) in this JVM, so that tools/fuzz pays for
 * Maven once per module instead of once per target. Exit status 0 when the test passed (the fuzzer
 * found nothing), 1 otherwise.
 */
public final class FuzzLauncher {

    public static void main(String[] args) throws ClassNotFoundException {
        // A fuzz test takes parameters, which a method selector must name: take them from the method itself.
        String[] target = args[0].split("#", 2);
        Class<?> testClass = Class.forName(target[0], false, Thread.currentThread().getContextClassLoader());
        Method method = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.getName().equals(target[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + args[0]));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(testClass, method)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 40);
        System.exit(summary.getTestsSucceededCount() > 0 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
