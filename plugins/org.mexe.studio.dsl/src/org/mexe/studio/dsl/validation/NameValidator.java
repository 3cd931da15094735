package org.mexe.studio.dsl.validation;

import static org.mexe.studio.dsl.validation.ProvValidator.DUPLICATE_NAME;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.mexe.studio.model.constraints.Places;
import org.mexe.studio.model.provisioning.Element;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

import com.google.inject.Inject;

/** Element names are unique in their file and in their namespace across files. */
public class NameValidator extends ComposedValidator {

    @Inject
    private ResourceDescriptionsProvider resourceDescriptions;

    @Inject
    private IQualifiedNameProvider qualifiedNames;

    /** Element names are unique in a file; each duplicate after the first is an error that names the first. */
    @Check
    public void namesAreUniqueInTheFile(ProvisioningModel model) {
        Map<String, Element> first = new HashMap<>();
        for (Element element : model.getElements()) {
            if (element.getName() == null) {
                continue;
            }
            Element earlier = first.putIfAbsent(element.getName(), element);
            if (earlier != null) {
                error("The name '" + element.getName() + "' is already taken by " + Places.keyword(earlier) + " " + earlier.getName()
                        + line(earlier) + ": references to it would be ambiguous. Give this " + Places.keyword(element)
                        + " a name of its own.", element, Literals.ELEMENT__NAME, DUPLICATE_NAME);
            }
        }
    }

    /**
     * Element names are unique in their namespace across files: another file that declares the same
     * namespace must not declare the same name. Uses the index, so it runs on save and in batch.
     */
    @Check(CheckType.NORMAL)
    public void namesAreUniqueInTheNamespace(ProvisioningModel model) {
        Resource resource = model.eResource();
        if (resource == null) {
            return;
        }
        URI own = CrossFileIndex.normalized(resource);
        CrossFileIndex index = CrossFileIndex.forValidation(resource, getContext(), resourceDescriptions);
        for (Element element : model.getElements()) {
            QualifiedName name = element.getName() == null ? null : qualifiedNames.getFullyQualifiedName(element);
            URI other = name == null ? null : index.otherDeclaration(name, own);
            if (other != null) {
                error("The name '" + element.getName() + "' is also declared in " + other.lastSegment() + ", in the same namespace "
                        + model.getName() + ": references to " + name + " would be ambiguous. Give one of them another name.",
                        element, Literals.ELEMENT__NAME, DUPLICATE_NAME);
            }
        }
    }

    private static String line(EObject object) {
        INode node = NodeModelUtils.getNode(object);
        return node == null ? "" : " on line " + node.getStartLine();
    }
}
