package org.mexe.studio.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Singleton;

/**
 * Converts the language's own value rules; {@code yes} and {@code no} are its booleans. A
 * singleton like its superclass (the annotation is not inherited): otherwise every parser builds
 * its converter table anew by reflection, a third of the parse time.
 */
@Singleton
public class ProvValueConverters extends DefaultTerminalConverters {

    private static final IValueConverter<Boolean> YES_NO = new IValueConverter<>() {
        @Override
        public Boolean toValue(String string, INode node) {
            return switch (string) {
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> throw new ValueConverterException("Write yes or no, not '" + string + "'.", node, null);
            };
        }

        @Override
        public String toString(Boolean value) {
            return value ? "yes" : "no";
        }
    };

    @ValueConverter(rule = "YesNo")
    public IValueConverter<Boolean> yesNo() {
        return YES_NO;
    }
}
