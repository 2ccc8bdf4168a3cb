package dev.kiln.frontend.dockerfile.convert;

/** An ARG in scope in a stage: its name and value (null when declared without one). */
record ArgBinding(String key, String value) {
    String valueOrEmpty() {
        return value == null ? "" : value;
    }
}
