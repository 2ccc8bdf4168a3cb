package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.SourceLocation;

import java.util.List;

/** A parser warning (today only BuildKit's empty-continuation-line warning), as BuildKit reports it. */
public record ParseWarning(String shortMessage, List<String> detail, String url, SourceLocation location) {
    public ParseWarning {
        detail = List.copyOf(detail);
    }
}
