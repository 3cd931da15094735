package org.mexe.studio.ui.builder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.mexe.studio.ui.ProvLanguage;
import org.mexe.studio.ui.ProvProblem;

/** The builder's markers: one type of its own, a problem marker so that the Problems view lists them. */
public final class ProvMarkers {

    public static final String TYPE = ProvLanguage.PLUGIN_ID + ".problem";
    /** Marker attribute holding the language's issue code, for quick fixes to recognise the problem. */
    public static final String CODE = "code";
    /** Code of the project's info marker that says prov-gen/ was not regenerated. */
    public static final String STALE_OUTPUT = "org.mexe.studio.ui.staleOutput";

    private ProvMarkers() {
    }

    /** Replaces the builder's markers on a resource (not its members) with the given problems. */
    static void replace(IResource resource, List<ProvProblem> problems) throws CoreException {
        resource.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
        for (ProvProblem problem : problems) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(IMarker.SEVERITY, problem.severity());
            attributes.put(IMarker.MESSAGE, problem.message());
            if (problem.code() != null) {
                attributes.put(CODE, problem.code());
            }
            if (problem.line() > 0) {
                attributes.put(IMarker.LINE_NUMBER, problem.line());
            }
            if (problem.offset() >= 0) {
                attributes.put(IMarker.CHAR_START, problem.offset());
                attributes.put(IMarker.CHAR_END, problem.offset() + problem.length());
            }
            resource.createMarker(TYPE, attributes);
        }
    }

    static void deleteAll(IResource resource) throws CoreException {
        resource.deleteMarkers(TYPE, true, IResource.DEPTH_INFINITE);
    }
}
