package org.mexe.studio.codec;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures from the test bundle's resources folder, read from the classpath. */
public final class TestResources {

    public static final String APPENDIX_C_XML = "/oma-cp/provcont-6.1-example.xml";
    public static final String APPENDIX_C_WBXML = "/oma-cp/provcont-6.1-example.wbxml";
    public static final String APPLICATION_XML = "/oma-cp/application.xml";
    public static final String APPLICATION_LIBWBXML = "/oma-cp/application.libwbxml.wbxml";
    public static final String OPERATOR_SETTINGS_XML = "/oma-cp/operator-settings.xml";

    private TestResources() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream(path)) {
            assertNotNull(in, "test resource " + path + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
