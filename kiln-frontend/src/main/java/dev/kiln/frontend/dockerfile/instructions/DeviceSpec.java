package dev.kiln.frontend.dockerfile.instructions;

import dev.kiln.frontend.dockerfile.parser.GoText;

import java.util.List;
import java.util.Optional;

/**
 * A {@code RUN --device=name[,required[=bool]]} request for a CDI device.
 *
 * @param name     the CDI device name, e.g. {@code vendor.com/device=foo}
 * @param required whether the build fails when the device is not available
 */
public record DeviceSpec(String name, boolean required) {
    /** Parses a {@code --device} value; throws INVALID_ARGUMENT with BuildKit's messages. */
    public static DeviceSpec parse(String value) {
        List<String> fields;
        try {
            fields = CsvFields.parse(value);
        } catch (IllegalArgumentException e) {
            throw Errors.invalid("failed to parse csv devices: " + e.getMessage());
        }
        String name = "";
        boolean required = false;
        for (String field : fields) {
            int eq = field.indexOf('=');
            String key = GoText.toLower(eq < 0 ? field : field.substring(0, eq));
            if (eq < 0) {
                if (key.equals("required")) {
                    required = true;
                } else if (name.isEmpty()) {
                    name = field;
                } else {
                    throw Errors.invalid("invalid field '" + field + "' must be a key=value pair");
                }
                continue;
            }
            String fieldValue = field.substring(eq + 1);
            switch (key) {
                case "name" -> {
                    if (!name.isEmpty()) {
                        throw Errors.invalid("device name already set to " + name);
                    }
                    name = fieldValue;
                }
                case "required" -> required = requireBool(key, fieldValue);
                default -> {
                    if (!name.isEmpty()) {
                        throw Errors.invalid(Suggest.withSuggestion("unexpected key '" + key + "' in '" + field + "'",
                                key, List.of("name", "required"), true));
                    }
                    name = field;
                }
            }
        }
        return new DeviceSpec(name, required);
    }

    static boolean requireBool(String key, String value) {
        Optional<Boolean> parsed = GoNumbers.parseBool(value);
        if (parsed.isEmpty()) {
            throw Errors.invalid("invalid value for " + key + ": " + value);
        }
        return parsed.get();
    }
}
