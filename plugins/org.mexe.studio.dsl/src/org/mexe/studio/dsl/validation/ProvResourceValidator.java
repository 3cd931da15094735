package org.mexe.studio.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Reports each mistake once, where it was made:
 * <ul>
 * <li>a file with syntax errors gets only those, since checks of a half-parsed model would report
 * values that are merely missing because of the typo;</li>
 * <li>an unresolved reference is reported by the linker at the reference, so EMF's generic
 * "unresolved proxy" finding about the same reference is dropped.</li>
 * </ul>
 */
public class ProvResourceValidator extends ResourceValidatorImpl {

    private static final String EMF_PROXY_CODE = EObjectValidator.DIAGNOSTIC_SOURCE + "." + EObjectValidator.EOBJECT__EVERY_PROXY_RESOLVES;

    @Override
    public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
        List<Issue> issues = super.validate(resource, mode, indicator);
        boolean syntaxErrors = issues.stream().anyMatch(ProvResourceValidator::isSyntaxError);
        return issues.stream()
                .filter(i -> !syntaxErrors || isSyntaxError(i))
                .filter(i -> !EMF_PROXY_CODE.equals(i.getCode()))
                .toList();
    }

    /** Also the ranged variant of a value that does not convert, such as a string without its closing quote. */
    private static boolean isSyntaxError(Issue issue) {
        return issue.getCode() != null && issue.getCode().startsWith(Diagnostic.SYNTAX_DIAGNOSTIC);
    }
}
