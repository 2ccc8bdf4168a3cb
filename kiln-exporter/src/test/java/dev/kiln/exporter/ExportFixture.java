package dev.kiln.exporter;

import dev.kiln.core.Digest;
import dev.kiln.core.content.ContentStore;
import dev.kiln.core.content.LocalContentStore;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.core.oci.ImageConfig.History;
import dev.kiln.exporter.image.ExportLayer;
import dev.kiln.exporter.image.ImageSpec;
import dev.kiln.exporter.testing.BusyboxFixture;
import dev.kiln.exporter.testing.SampleRootfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A build result to export: busybox as the pulled base (an existing gzip blob) plus one new layer holding
 * {@link SampleRootfs}, and that sample tree as the root filesystem for local and tar exports.
 */
record ExportFixture(Path rootfs, Path layerTar, Digest layerDiffId, BusyboxFixture base, ContentStore store,
                     ByteArrayOutputStream stdout, Exporters exporters) {

    static ExportFixture create(Path dir) throws IOException {
        Path rootfs = SampleRootfs.create(dir.resolve("rootfs"));
        Path tar = dir.resolve("layer.tar");
        Digest diffId = SampleRootfs.layerTar(rootfs, tar);
        return withStore(rootfs, tar, diffId, dir.resolve("content"));
    }

    /** The same inputs over a fresh content store (a second, independent "build"). */
    ExportFixture again(Path contentDir) throws IOException {
        return withStore(rootfs, layerTar, layerDiffId, contentDir);
    }

    private static ExportFixture withStore(Path rootfs, Path tar, Digest diffId, Path contentDir) throws IOException {
        ContentStore store = new LocalContentStore(contentDir);
        BusyboxFixture base = BusyboxFixture.pullInto(store);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Exporters exporters = new Exporters(ExportContext.filesOnly(store, stdout));
        return new ExportFixture(rootfs, tar, diffId, base, store, stdout, exporters);
    }

    ExportRequest request(Optional<Instant> epoch) {
        List<History> history = new ArrayList<>(base.config().history());
        history.add(new History("2024-05-05T00:00:00Z", "COPY . /", null, null, false));
        history.add(new History(null, "LABEL kiln=test", null, null, true));
        ImageConfig config = base.config().withHistory(history).withCreated(null);
        ImageSpec image = new ImageSpec(config, List.of(base.layer(), ExportLayer.New.ofFile(layerTar, layerDiffId)),
                base.config().history());
        return new ExportRequest(image, RootfsView.of(rootfs), epoch);
    }

    ExportResult export(String output, Optional<Instant> epoch) {
        return exporters.resolve(OutputSpec.parse(output)).export(request(epoch));
    }
}
