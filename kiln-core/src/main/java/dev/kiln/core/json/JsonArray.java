package dev.kiln.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

public record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
        elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
        return "an array";
    }

    @Override
    public JsonArray asArray() {
        return this;
    }

    /** Every element read by {@code element}; a failure names the element's index. */
    public <T> List<T> map(Function<JsonValue, T> element) {
        List<T> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            try {
                out.add(element.apply(elements.get(i)));
            } catch (JsonException e) {
                throw e.inElement(i);
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(elements.size());
        for (JsonValue e : elements) {
            out.add(e.toPlain());
        }
        return out;
    }
}
