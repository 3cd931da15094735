package org.mexe.studio.dsl.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.DiagnosticConverterImpl;
import org.mexe.studio.model.constraints.ModelConstraints;

/**
 * Turns the metamodel's findings into issues:
 * <ul>
 * <li>rules that moved from the language into the metamodel keep the issue codes the language
 * gave them before (for example {@code org.mexe.studio.dsl.invalidPort}); every other rule of the
 * metamodel keeps Xtext's {@code org.mexe.studio.model.N};</li>
 * <li>a finding about one value of a list (the second DNS server) is shown at that value.</li>
 * </ul>
 */
public class ProvDiagnosticConverter extends DiagnosticConverterImpl {

    static final Map<Integer, String> LANGUAGE_CODES = Map.of(
            ModelConstraints.INVALID_PORT, ProvValidator.INVALID_PORT,
            ModelConstraints.INVALID_HOME_PAGE, ProvValidator.INVALID_HOME_PAGE,
            ModelConstraints.INVALID_DESTINATION, ProvValidator.INVALID_DESTINATION,
            ModelConstraints.INVALID_IMSI, ProvValidator.INVALID_IMSI);

    /** The issue code under which the language shows the metamodel's rule {@code code}. */
    public static String issueCode(int code) {
        return LANGUAGE_CODES.getOrDefault(code, ModelConstraints.issueCode(code));
    }

    @Override
    protected String getIssueCode(Diagnostic diagnostic) {
        if (ModelConstraints.SOURCE.equals(diagnostic.getSource())) {
            return issueCode(diagnostic.getCode());
        }
        return super.getIssueCode(diagnostic);
    }

    @Override
    protected IssueLocation getLocationData(Diagnostic diagnostic) {
        List<?> data = diagnostic.getData();
        if (ModelConstraints.SOURCE.equals(diagnostic.getSource()) && data.size() > ModelConstraints.DATA_INDEX
                && data.get(0) instanceof EObject object && data.get(1) instanceof EStructuralFeature feature
                && data.get(ModelConstraints.DATA_INDEX) instanceof Integer index) {
            return getLocationData(object, feature, index);
        }
        return super.getLocationData(diagnostic);
    }
}
