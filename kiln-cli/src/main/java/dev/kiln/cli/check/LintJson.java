package dev.kiln.cli.check;

import dev.kiln.core.SourceLocation;
import dev.kiln.core.json.JsonWritable;
import dev.kiln.core.json.JsonWriter;

import java.util.List;

/**
 * The machine-readable check result, shaped like BuildKit's lint subrequest {@code result.json}: warnings
 * with rule, description, link, detail and location (lines in source 0), the Dockerfile as the only source,
 * and the build error if there was one.
 */
record LintJson(List<Warning> warnings, List<Source> sources, BuildError buildError) implements JsonWritable {

    @Override
    public void writeJson(JsonWriter w) {
        w.beginObject().field("warnings", warnings).field("sources", sources).field("buildError", buildError)
                .endObject();
    }

    record Warning(String ruleName, String description, String url, String detail, Location location)
            implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("ruleName", ruleName).field("description", description).field("url", url)
                    .field("detail", detail).field("location", location).endObject();
        }
    }

    /** {@code data} is the file's content, base64 in JSON. */
    record Source(String filename, String language, byte[] data) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("filename", filename).field("language", language).field("data", data).endObject();
        }
    }

    record BuildError(String message, Location location) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("message", message).field("location", location).endObject();
        }
    }

    record Location(int sourceIndex, List<Range> ranges) implements JsonWritable {
        static Location of(SourceLocation where) {
            return where == null ? null : new Location(0, List.of(new Range(new Position(where.startLine()),
                    new Position(where.endLine()))));
        }

        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("sourceIndex", sourceIndex).field("ranges", ranges).endObject();
        }
    }

    record Range(Position start, Position end) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("start", start).field("end", end).endObject();
        }
    }

    record Position(int line) implements JsonWritable {
        @Override
        public void writeJson(JsonWriter w) {
            w.beginObject().field("line", line).endObject();
        }
    }
}
