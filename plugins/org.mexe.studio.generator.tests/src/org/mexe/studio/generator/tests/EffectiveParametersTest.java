package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.model.payload.EffectiveParameters;
import org.mexe.studio.model.provisioning.AuthenticationType;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.MailSecurity;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;

/** {@code extends}: a national set with regional overrides, and the rules of the merge one by one. */
class EffectiveParametersTest {

    private static final String NATIONAL = """
            namespace test.national

            certificate OperatorRoot { file "root.pem" }

            parameters National {
            	gprs {
            		apn "internet.national.example"
            		auth chap
            		user "web"
            		password env "NATIONAL_GPRS_PASSWORD"
            		dns "10.0.0.1", "10.0.0.2"
            		linger 300
            	}
            	www {
            		proxy "10.0.0.8"
            		port 8080
            		homepage "http://www.national.example/"
            		bookmark "News" "http://news.national.example/"
            		bookmark "Sport" "http://sport.national.example/"
            	}
            	mail {
            		smtp "smtp.national.example" port 587 security starttls
            		from "user@national.example"
            	}
            	public-keys OperatorRoot
            	default-classmark 3
            }
            """;

    @TempDir
    Path folder;

    private ParameterSet effective(String regional, String name) {
        return EffectiveParameters.of(ProvSources.load(folder, NATIONAL, regional).element(name, ParameterSet.class)).merged();
    }

    @Test
    void aRegionalSetInheritsEverythingItDoesNotOverride() {
        ParameterSet london = effective("""
                namespace test.regional
                import test.national.*
                parameters London extends National { gprs { apn "london.national.example" } }
                """, "London");
        assertEquals("London", london.getName());
        assertEquals("london.national.example", london.getGprs().getApn());
        assertEquals(AuthenticationType.CHAP, london.getGprs().getAuthentication());
        assertTrue(london.getGprs().isSetAuthentication());
        assertEquals("web", london.getGprs().getUserName());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), london.getGprs().getDnsServers());
        assertEquals(300, london.getGprs().getLinger());
        assertEquals("http://www.national.example/", london.getWww().getHomePage());
        assertEquals(2, london.getWww().getBookmarks().size());
        assertEquals("user@national.example", london.getMail().getSenderAddress());
        assertEquals(List.of("OperatorRoot"), london.getPublicKeys().stream().map(Certificate::getName).toList());
        assertEquals(3, london.getDefaultClassmark());
        assertNull(london.getBase(), "the merged copy stands for the whole chain");
    }

    @Test
    void aValueWrittenAsTheDefaultStillOverrides() {
        ParameterSet open = effective("""
                namespace test.regional
                import test.national.*
                parameters Open extends National { gprs { auth none } }
                """, "Open");
        assertTrue(open.getGprs().isSetAuthentication(), "'auth none' is written, so it is not inherited");
        assertEquals(AuthenticationType.NONE, open.getGprs().getAuthentication());
        assertEquals("internet.national.example", open.getGprs().getApn());
    }

    @Test
    void aListInTheChildReplacesTheBaseListAndAnEmptyOneInherits() {
        ParameterSet north = effective("""
                namespace test.regional
                import test.national.*
                parameters North extends National {
                	gprs { dns "10.9.9.9" }
                	www { bookmark "Weather" "http://weather.north.example/" }
                }
                """, "North");
        assertEquals(List.of("10.9.9.9"), north.getGprs().getDnsServers());
        assertEquals(List.of("Weather"), north.getWww().getBookmarks().stream().map(Bookmark::getTitle).toList());
        assertEquals(8080, north.getWww().getPort(), "the rest of the www block is inherited");
    }

    @Test
    void nestedBlocksMergeAndTheNearestSetWins() {
        ParameterSet city = effective("""
                namespace test.regional
                import test.national.*
                parameters Region extends National { mail { smtp "smtp.region.example" } gprs { linger 60 } }
                parameters City extends Region { gprs { linger 30 } }
                """, "City");
        assertEquals("smtp.region.example", city.getMail().getSmtp().getHost());
        assertEquals(587, city.getMail().getSmtp().getPort(), "the server merges: the port comes from National");
        assertEquals(MailSecurity.STARTTLS, city.getMail().getSmtp().getSecurity());
        assertEquals(30, city.getGprs().getLinger());
        assertEquals("internet.national.example", city.getGprs().getApn());
    }

    @Test
    void aSecretIsTakenWholeAndReadThroughItsOriginalReference() {
        ParameterSet local = ProvSources.load(folder, NATIONAL, """
                namespace test.regional
                import test.national.*
                parameters Local extends National { gprs { password file "local.txt" } }
                """).element("Local", ParameterSet.class);
        EffectiveParameters effective = EffectiveParameters.of(local);
        SecretRef password = effective.merged().getGprs().getPassword();
        assertEquals(SecretSource.FILE, password.getSource());
        assertEquals("local.txt", password.getLocation());
        SecretRef original = effective.origin(password);
        assertSame(local.getGprs().getPassword(), original);
        assertNotNull(original.eResource(), "the original knows its file, for relative secret files");

        SecretRef inherited = EffectiveParameters.of(ProvSources.load(folder, NATIONAL, """
                namespace test.regional
                import test.national.*
                parameters Plain extends National { }
                """).element("Plain", ParameterSet.class)).merged().getGprs().getPassword();
        assertEquals("NATIONAL_GPRS_PASSWORD", inherited.getLocation());
        assertTrue(inherited.eResource() == null, "the merged part is a detached copy");
    }

    @Test
    void theModelIsNotChanged() {
        ProvSources sources = ProvSources.load(folder, NATIONAL, """
                namespace test.regional
                import test.national.*
                parameters London extends National { gprs { apn "london.national.example" } }
                """);
        ParameterSet london = sources.element("London", ParameterSet.class);
        EffectiveParameters.of(london);
        assertTrue(london.getGprs().getDnsServers().isEmpty());
        assertFalse(london.getGprs().isSetAuthentication());
        assertNull(london.getWww());
        assertEquals("National", london.getBase().getName());
        assertEquals(2, sources.element("National", ParameterSet.class).getWww().getBookmarks().size());
    }

    @Test
    void aLoopInTheChainStopsWhereItCloses() {
        ProvSources sources = ProvSources.load(folder, """
                namespace test.loop
                parameters A extends B { gprs { apn "a.example" } }
                parameters B extends A { gprs { linger 10 } www { homepage "http://b.example/" } }
                """);
        EffectiveParameters a = EffectiveParameters.of(sources.element("A", ParameterSet.class));
        assertEquals(List.of("A", "B"), a.chain().stream().map(ParameterSet::getName).toList());
        assertEquals("a.example", a.merged().getGprs().getApn());
        assertEquals(10, a.merged().getGprs().getLinger());
        assertEquals("http://b.example/", a.merged().getWww().getHomePage());
    }
}
