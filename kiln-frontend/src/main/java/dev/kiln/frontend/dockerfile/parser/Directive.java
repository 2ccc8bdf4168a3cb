package dev.kiln.frontend.dockerfile.parser;

import dev.kiln.core.SourceLocation;

/**
 * A parser directive found at the top of a Dockerfile ({@code # syntax=}, {@code # escape=}, {@code # check=}).
 *
 * @param name     lower-case directive name
 * @param value    the whole value, trimmed ({@code docker/dockerfile:1 // opts})
 * @param location the directive's line
 */
public record Directive(String name, String value, SourceLocation location) {
    /** The value up to the first space: for {@code syntax} the frontend image reference. */
    public String ref() {
        int space = value.indexOf(' ');
        return space < 0 ? value : value.substring(0, space);
    }
}
