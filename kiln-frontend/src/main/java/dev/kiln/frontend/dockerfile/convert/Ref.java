package dev.kiln.frontend.dockerfile.convert;

/** Output {@code index} of a vertex that is not written yet; a null {@code Ref} is the empty filesystem. */
record Ref(Vertex vertex, int index) {
    static Ref of(Vertex v) {
        return new Ref(v, 0);
    }
}
