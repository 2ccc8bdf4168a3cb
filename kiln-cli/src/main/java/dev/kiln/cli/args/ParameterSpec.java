package dev.kiln.cli.args;

import java.util.function.Consumer;

/** A positional parameter: exactly one value, or with {@code repeatable} all the remaining ones. */
public record ParameterSpec(String label, String description, boolean required, boolean repeatable,
                            Consumer<String> sink) {

    /** {@code CONTEXT}, {@code NAME...}, or {@code [COMMAND...]} when optional. */
    String synopsis() {
        String label = repeatable ? this.label + "..." : this.label;
        return required ? label : "[" + label + "]";
    }
}
