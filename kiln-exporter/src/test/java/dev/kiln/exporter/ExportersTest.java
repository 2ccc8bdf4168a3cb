package dev.kiln.exporter;

import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.worker.image.LocalImageStore;
import dev.kiln.worker.registry.RegistryClient;
import dev.kiln.worker.registry.RegistryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportersTest {
    @TempDir
    Path tmp;

    private Exporters exporters(boolean withImageStore) {
        LocalContentStore store = new LocalContentStore(tmp.resolve("content"));
        return new Exporters(new ExportContext(store,
                withImageStore ? Optional.of(new LocalImageStore(tmp.resolve("images"))) : Optional.empty(),
                withImageStore ? Optional.of(new RegistryClient(store, RegistryOptions.defaults())) : Optional.empty(),
                new ByteArrayOutputStream()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "type=foo,dest=x|unknown output type \"foo\" (use local, tar, oci, docker, image or registry)",
            "type=oci,dest=x,colour=red|unknown attribute \"colour\" for output type=oci",
            "type=local,dest=x,compression=gzip|unknown attribute \"compression\" for output type=local",
            "type=oci,dest=x,compression=lz4|unsupported layer compression type: lz4 (use gzip, zstd or uncompressed)",
            "type=oci,dest=x,compression-level=fast|invalid value \"fast\" for compression-level in output type=oci: expected an integer",
            "type=oci,dest=x,compression-level=10|compression-level 10 is out of range 0-9 for gzip",
            "type=oci,dest=x,compression=zstd,compression-level=23|compression-level 23 is out of range 0-22 for zstd",
            "type=docker,dest=x,oci-mediatypes=maybe|invalid value \"maybe\" for oci-mediatypes in output type=docker: expected true or false",
            "type=oci,dest=x,tar=nope|invalid value \"nope\" for tar in output type=oci: expected true or false",
            "type=oci,dest=x,name=app/Name|invalid reference \"app/Name\": invalid reference format: repository name (app/Name) must be lowercase",
            "type=oci,dest=x,annotation-foo.k=v|unrecognized annotation type foo in annotation-foo.k",
            "type=oci,dest=x,annotation-index[linux/amd64].k=v|annotation attribute annotation-index[linux/amd64].k: index annotations cannot name a platform",
            "type=oci,dest=x,source-date-epoch=yesterday|invalid SOURCE_DATE_EPOCH: yesterday",
            "type=oci|output type=oci needs dest=<file> (or dest=- for stdout)",
            "type=oci,dest=-,tar=false|output type=oci,tar=false writes a directory and cannot use dest=-",
            "type=local|output type=local needs dest=<directory>",
            "type=local,dest=-|output type=local cannot write to stdout; use type=tar,dest=- instead",
            "type=tar|output type=tar needs dest=<file> (or dest=- for stdout)",
            "type=docker|output type=docker without dest loads the image and needs name=<image> (or a tag with -t)",
            "type=image,name=x,dest=y|output type=image does not take dest",
            "type=image|output type=image needs name=<image> (or a tag with -t)"})
    void resolve_badSpec_isInvalidArgumentWithOneLine(String spec, String message) {
        assertThatThrownBy(() -> exporters(true).resolve(OutputSpec.parse(spec)))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
                .hasMessage(message);
    }

    @Test
    void resolve_imageWithoutImageStore_isUnavailable() {
        assertThatThrownBy(() -> exporters(false).resolve(OutputSpec.parse("type=image,name=app")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessage("output type=image needs an image store, which this engine was started without");
    }

    @Test
    void resolve_pushWithoutRegistryClient_isUnavailable() {
        LocalContentStore store = new LocalContentStore(tmp.resolve("content"));
        Exporters noRegistry = new Exporters(new ExportContext(store, Optional.of(new LocalImageStore(tmp.resolve("i"))),
                Optional.empty(), new ByteArrayOutputStream()));

        assertThatThrownBy(() -> noRegistry.resolve(OutputSpec.push().withAttr("name", "app")))
                .isInstanceOfSatisfying(KilnException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .hasMessage("output type=registry,push=true needs a registry client, which this engine was started without");
    }

    @Test
    void resolve_knownSpecs_describeThemselvesLikeBuildKit() {
        Exporters e = exporters(true);

        assertThat(e.resolve(OutputSpec.parse("type=oci,dest=o.tar,annotation[linux/amd64].k=v,force-compression=true"))
                .description()).isEqualTo("exporting to oci image format");
        assertThat(e.resolve(OutputSpec.parse("type=docker,dest=d.tar")).description())
                .isEqualTo("exporting to docker image format");
        assertThat(e.resolve(OutputSpec.parse("-")).description()).isEqualTo("sending tarball");
        assertThat(e.resolve(OutputSpec.parse("out")).description()).isEqualTo("copying files");
        assertThat(e.resolve(OutputSpec.push().withAttr("name", "127.0.0.1:5000/a:b")).description())
                .isEqualTo("exporting to image and pushing");
    }
}
