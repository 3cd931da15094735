package org.mexe.studio.model.payload;

import java.util.List;
import java.util.Objects;

/** A document mapped from parameter sets, and what the format could not carry. */
public record Mapped<D>(D document, List<NotCarried> notCarried) {

    public Mapped {
        Objects.requireNonNull(document, "document");
        notCarried = List.copyOf(notCarried);
    }
}
