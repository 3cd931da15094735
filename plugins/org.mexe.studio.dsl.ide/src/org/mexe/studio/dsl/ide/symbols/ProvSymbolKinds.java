package org.mexe.studio.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

/** The outline's icons: what kind of thing each element of the language is. */
public class ProvSymbolKinds extends DocumentSymbolKindProvider {

    @Override
    protected SymbolKind getSymbolKind(EClass type) {
        return switch (type.getName()) {
            case "ProvisioningModel" -> SymbolKind.Namespace;
            case "Party" -> SymbolKind.Object;
            case "Keystore", "Certificate" -> SymbolKind.Key;
            case "SecurityDomain" -> SymbolKind.Package;
            case "ParameterSet" -> SymbolKind.Struct;
            case "HandsetProfile" -> SymbolKind.Class;
            case "Server" -> SymbolKind.Interface;
            case "BootstrapApplication", "MexeComponent" -> SymbolKind.Module;
            case "SubscriberSource" -> SymbolKind.File;
            case "Scenario" -> SymbolKind.Event;
            default -> super.getSymbolKind(type);
        };
    }
}
