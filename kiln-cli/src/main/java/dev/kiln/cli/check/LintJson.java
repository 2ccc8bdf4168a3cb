package dev.kiln.cli.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.SourceLocation;

import java.util.List;

/**
 * The machine-readable check result, shaped like BuildKit's lint subrequest {@code result.json}: warnings
 * with rule, description, link, detail and location (lines in source 0), the Dockerfile as the only source,
 * and the build error if there was one.
 */
record LintJson(@JsonProperty("warnings") List<Warning> warnings, @JsonProperty("sources") List<Source> sources,
                @JsonProperty("buildError") BuildError buildError) {

    record Warning(@JsonProperty("ruleName") String ruleName, @JsonProperty("description") String description,
                   @JsonProperty("url") String url, @JsonProperty("detail") String detail,
                   @JsonProperty("location") Location location) {
    }

    record Source(@JsonProperty("filename") String filename, @JsonProperty("language") String language,
                  @JsonProperty("data") byte[] data) {
    }

    record BuildError(@JsonProperty("message") String message, @JsonProperty("location") Location location) {
    }

    record Location(@JsonProperty("sourceIndex") int sourceIndex, @JsonProperty("ranges") List<Range> ranges) {
        static Location of(SourceLocation where) {
            return where == null ? null : new Location(0, List.of(new Range(new Position(where.startLine()),
                    new Position(where.endLine()))));
        }
    }

    record Range(@JsonProperty("start") Position start, @JsonProperty("end") Position end) {
    }

    record Position(@JsonProperty("line") int line) {
    }
}
