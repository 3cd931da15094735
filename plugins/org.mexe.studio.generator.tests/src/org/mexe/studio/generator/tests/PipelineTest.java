package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.generator.GenerationException;
import org.mexe.studio.generator.ProvisioningPipeline;
import org.mexe.studio.generator.ProvisioningPipeline.GenerationResult;
import org.mexe.studio.security.SecretResolver;

class PipelineTest {

    // Test material only: a PIN and a password made up for these tests.
    static final String TEST_PIN = "58294716";
    static final String TEST_PASSWORD = "Tq9-test-only-pw";

    static final String SCENARIO = """
            namespace test.operator

            parameters Home {
            	gprs {
            		apn "internet.operator.example"
            		auth chap user "web" password env "TEST_GPRS_PASSWORD"
            	}
            	www {
            		proxy "10.0.0.1"
            		port 8080
            		homepage "http://wap.operator.example/"
            	}
            }

            scenario Setup {
            	deliver Home {
            		format oma-cp
            		security userpin
            		pin env "TEST_USERPIN"
            		to "+447700900123"
            	}
            }
            """;

    static final SecretResolver SECRETS = new SecretResolver(Map.of("TEST_USERPIN", TEST_PIN, "TEST_GPRS_PASSWORD", TEST_PASSWORD));

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void writesTheFourArtefactsOfADelivery() throws Exception {
        Path input = write("setup.prov", SCENARIO);
        GenerationResult result = ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"), SECRETS);
        String stage = "test.operator.Setup/01-deliver-Home/";
        assertEquals(List.of(stage + "provisioning.wbxml", stage + "provisioning.xml", stage + "push.wsp", stage + "sms-submit.hex"),
                result.files());
        assertEquals(1, result.deliveries().size());
        assertEquals("USERPIN", result.deliveries().get(0).security());
        String xml = Files.readString(folder.resolve("out").resolve(stage + "provisioning.xml"));
        assertTrue(xml.contains("<parm name=\"NAP-ADDRESS\" value=\"internet.operator.example\"/>"), xml);
        assertTrue(xml.contains("<parm name=\"AUTHTYPE\" value=\"CHAP\"/>"), xml);
        assertTrue(xml.contains("<parm name=\"PORTNBR\" value=\"8080\"/>"), xml);
    }

    @Test
    void theSameInputGivesByteIdenticalOutput() throws Exception {
        Path input = write("setup.prov", SCENARIO);
        ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("first"), SECRETS);
        ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("second"), SECRETS);
        Map<String, byte[]> first = tree(folder.resolve("first"));
        Map<String, byte[]> second = tree(folder.resolve("second"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    }

    @Test
    void noSecretReachesAnArtefactExceptTheAccessPointPasswordTheHandsetNeeds() throws Exception {
        Path input = write("setup.prov", SCENARIO);
        ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"), SECRETS);
        byte[] pin = TEST_PIN.getBytes(StandardCharsets.US_ASCII);
        for (var file : tree(folder.resolve("out")).entrySet()) {
            byte[] content = file.getValue();
            assertFalse(contains(content, pin), "the PIN is in " + file.getKey());
            if (file.getKey().endsWith(".hex")) {
                for (String line : new String(content, StandardCharsets.US_ASCII).split("\n")) {
                    assertFalse(contains(Hex.decode(line), pin), "the PIN is in a TPDU of " + file.getKey());
                }
            }
        }
    }

    @Test
    void anInvalidInputFailsWithItsPositionAndLeavesThePreviousOutput() throws Exception {
        Path input = write("setup.prov", SCENARIO);
        Path out = folder.resolve("out");
        ProvisioningPipeline.standalone().generate(List.of(input), out, SECRETS);
        Map<String, byte[]> before = tree(out);
        Files.writeString(input, SCENARIO.replace("internet.operator.example", "bad apn!"));
        GenerationException e = assertThrows(GenerationException.class,
                () -> ProvisioningPipeline.standalone().generate(List.of(input), out, SECRETS));
        assertEquals(GenerationException.Reason.INVALID_INPUT, e.reason());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).format().startsWith(input + ":5:"), e.problems().get(0).format());
        int offset = SCENARIO.indexOf("\"internet.operator.example\"");
        assertEquals(offset, e.problems().get(0).offset(), "the problem's offset is the APN's");
        assertEquals("\"bad apn!\"".length(), e.problems().get(0).length());
        Map<String, byte[]> after = tree(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    @Test
    void aMissingSecretNamesTheVariableAndTheStage() throws Exception {
        Path input = write("setup.prov", SCENARIO);
        GenerationException e = assertThrows(GenerationException.class, () -> ProvisioningPipeline.standalone()
                .generate(List.of(input), folder.resolve("out"), new SecretResolver(Map.of("TEST_GPRS_PASSWORD", TEST_PASSWORD))));
        assertEquals(GenerationException.Reason.CANNOT_GENERATE, e.reason());
        assertEquals(1, e.problems().size());
        var problem = e.problems().get(0);
        assertEquals(GenerationException.UNAVAILABLE_SECRET, problem.code());
        assertTrue(problem.format().startsWith(input + ":19:7: error: The environment variable TEST_USERPIN is not set"), problem.format());
        assertFalse(Files.exists(folder.resolve("out")));
    }

    @Test
    void referencesCrossFilesAndFoldersAreSearched() throws Exception {
        write("sets/home.prov", SCENARIO.substring(0, SCENARIO.indexOf("scenario")));
        write("scenarios/setup.prov", """
                namespace test.scenarios

                import test.operator.*

                scenario Setup {
                	deliver Home {
                		format oma-cp
                		security netwpin
                		imsi "466923103145252"
                		to "07700900123"
                	}
                }
                """);
        GenerationResult result = ProvisioningPipeline.standalone().generate(List.of(folder.resolve("src")), folder.resolve("out"), SECRETS);
        assertEquals("NETWPIN", result.deliveries().get(0).security());
        assertEquals("test.scenarios.Setup/01-deliver-Home", result.deliveries().get(0).folder());
    }

    /** The demo's scenario (examples/demo-operator) and its published figures: they must not change. */
    @Test
    void theDemoDeliveryKeepsItsBytes() throws Exception {
        Path input = write("new-handset.prov", """
                namespace demo.operator

                parameters HomeNetwork {
                	gprs {
                		apn "internet.demo-operator.example"
                		auth pap
                		user "web"
                	}
                	www {
                		proxy "10.10.0.8"
                		port 8080
                		homepage "http://wap.demo-operator.example/start"
                	}
                }

                scenario NewHandset {
                	deliver HomeNetwork {
                		format oma-cp
                		security userpin
                		pin env "DEMO_PIN"
                		to "+447700900123"
                	}
                }
                """);
        GenerationResult result = ProvisioningPipeline.standalone().generate(List.of(input), folder.resolve("out"),
                new SecretResolver(Map.of("DEMO_PIN", "1234")));
        var delivery = result.deliveries().get(0);
        assertEquals(311, delivery.wbxmlBytes());
        assertEquals(3, delivery.smsCount());
        assertEquals("8E6E63FE4D102761572DA1EEB9828F4E3059CAFE", delivery.mac());
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
