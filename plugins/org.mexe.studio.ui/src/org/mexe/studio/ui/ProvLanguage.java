package org.mexe.studio.ui;

import org.mexe.studio.dsl.ide.ProvIdeSetup;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.ui.secrets.SecureStorageSecrets;

import com.google.inject.Injector;

/**
 * The language as the IDE sees it: one Xtext injector and one pipeline, created on first use and
 * shared by the editors, the builder and the handlers.
 */
public final class ProvLanguage {

    public static final String PLUGIN_ID = "org.mexe.studio.ui";
    public static final String CONTENT_TYPE = PLUGIN_ID + ".prov";
    public static final String FILE_EXTENSION = "prov";
    /** The project folder the builder writes the artefacts into. */
    public static final String GENERATED_FOLDER = "prov-gen";

    private ProvLanguage() {
    }

    /** Holder idiom: the injector registers the language with EMF, so it is built once and only when needed. */
    private static final class Holder {
        static final Injector INJECTOR = create();

        private static Injector create() {
            XtextLog.install();
            return new ProvIdeSetup().createInjectorAndDoEMFRegistration();
        }
        static final ProvisioningPipeline PIPELINE = new ProvisioningPipeline(INJECTOR);
    }

    public static Injector injector() {
        return Holder.INJECTOR;
    }

    /** The pipeline of the CLI and the Maven plugin, on the IDE's injector: the IDE adds no checks of its own. */
    public static ProvisioningPipeline pipeline() {
        return Holder.PIPELINE;
    }

    /** Secrets as the IDE finds them: Eclipse secure storage first, then the environment or the file. */
    public static SecretResolver secrets() {
        return new SecretResolver(System.getenv(), SecureStorageSecrets.userDefault());
    }
}
