package dev.kiln.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kiln.core.json.JacksonOracle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson oracle with the annotations kiln-graph's types used to have: ops and file actions named by a
 * {@code type} / {@code action} member, SourceOp's predicates not serialized.
 */
public final class GraphJackson {
    private static final JsonMapper MAPPER = builder().build();

    private GraphJackson() {
    }

    public static JsonMapper.Builder builder() {
        return JacksonOracle.builder()
                .addMixIn(Op.class, OpTypes.class)
                .addMixIn(FileAction.class, FileActionTypes.class)
                .addMixIn(SourceOp.class, SourceOpPredicates.class);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = SourceOp.class, name = "source"),
            @JsonSubTypes.Type(value = ExecOp.class, name = "exec"),
            @JsonSubTypes.Type(value = FileOp.class, name = "file"),
    })
    private interface OpTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = FileAction.Copy.class, name = "copy"),
            @JsonSubTypes.Type(value = FileAction.Mkdir.class, name = "mkdir"),
            @JsonSubTypes.Type(value = FileAction.Mkfile.class, name = "mkfile"),
            @JsonSubTypes.Type(value = FileAction.Rm.class, name = "rm"),
            @JsonSubTypes.Type(value = FileAction.Symlink.class, name = "symlink"),
    })
    private interface FileActionTypes {
    }

    private abstract static class SourceOpPredicates {
        @JsonIgnore
        abstract boolean isLocal();

        @JsonIgnore
        abstract boolean isImage();
    }
}
