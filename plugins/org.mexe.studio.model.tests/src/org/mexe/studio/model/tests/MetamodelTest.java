package org.mexe.studio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.model.constraints.ApnConstraint;
import org.mexe.studio.model.provisioning.AuthenticationType;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningFactory;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.Www;

/** The metamodel on its own, without the language: its invariants run in EMF's Diagnostician. */
class MetamodelTest {

    private static final ProvisioningFactory FACTORY = ProvisioningFactory.eINSTANCE;

    private static GprsAccessPoint accessPoint(String apn) {
        GprsAccessPoint gprs = FACTORY.createGprsAccessPoint();
        gprs.setApn(apn);
        return gprs;
    }

    @ParameterizedTest
    @ValueSource(strings = { "internet", "internet.operator.example", "wap-2.o2.co.uk", "a1" })
    void validApnsPass(String apn) {
        assertEquals(Diagnostic.OK, Diagnostician.INSTANCE.validate(accessPoint(apn)).getSeverity());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "bad apn", "-x", "x-", "a..b", ".a", "a.", "inter_net", "x.mnc001.mcc234.gprs" })
    void invalidApnsAreErrorsOfTheApnRule(String apn) {
        Diagnostic result = Diagnostician.INSTANCE.validate(accessPoint(apn));
        assertEquals(Diagnostic.ERROR, result.getSeverity());
        Diagnostic apnProblem = result.getChildren().stream()
                .filter(d -> ApnConstraint.SOURCE.equals(d.getSource())).findFirst().orElseThrow();
        assertEquals(ApnConstraint.INVALID_APN, apnProblem.getCode());
    }

    @Test
    void theApnLimitIs100Characters() {
        String hundred = "a".repeat(50) + "." + "b".repeat(49);
        assertEquals(100, hundred.length());
        assertEquals(null, ApnConstraint.problem(hundred));
        assertTrue(ApnConstraint.problem(hundred + "b").contains("at most 100"));
    }

    @Test
    void aModelSurvivesAnXmiRoundTrip() throws Exception {
        ProvisioningModel model = FACTORY.createProvisioningModel();
        model.setName("demo.operator");
        ParameterSet set = FACTORY.createParameterSet();
        set.setName("Home");
        Www www = FACTORY.createWww();
        www.setHomePage("http://wap.operator.example/");
        set.setWww(www);
        GprsAccessPoint gprs = accessPoint("internet.operator.example");
        gprs.setAuthentication(AuthenticationType.CHAP);
        gprs.setUserName("web");
        set.setGprs(gprs);
        model.getElements().add(set);

        var resourceSet = new ResourceSetImpl();
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Resource out = resourceSet.createResource(URI.createURI("memory:/model.xmi"));
        out.getContents().add(model);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.save(bytes, Map.of());

        Resource in = new ResourceSetImpl().createResource(URI.createURI("memory:/model.xmi"), null);
        if (in == null) {
            in = new XMIResourceFactoryImpl().createResource(URI.createURI("memory:/model.xmi"));
        }
        in.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of());
        assertTrue(EcoreUtil.equals(model, in.getContents().get(0)), bytes::toString);
    }
}
