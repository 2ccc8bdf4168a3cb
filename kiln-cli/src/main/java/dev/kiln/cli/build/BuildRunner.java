package dev.kiln.cli.build;

import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.progress.PlainProgress;
import dev.kiln.cli.progress.PlainProgressSink;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.core.oci.ImageConfig;
import dev.kiln.exporter.ExportContext;
import dev.kiln.exporter.ExportRequest;
import dev.kiln.exporter.ExportResult;
import dev.kiln.exporter.Exporter;
import dev.kiln.exporter.Exporters;
import dev.kiln.exporter.RootfsView;
import dev.kiln.exporter.OutputSpec;
import dev.kiln.exporter.image.ImageSpec;
import dev.kiln.exporter.snapshot.SnapshotLayers;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.ConvertResult;
import dev.kiln.frontend.dockerfile.convert.DockerfileConverter;
import dev.kiln.frontend.dockerfile.convert.ImageMetadataResolver;
import dev.kiln.solver.SolveOptions;
import dev.kiln.solver.SolveResult;
import dev.kiln.solver.Solver;
import dev.kiln.solver.VertexError;
import dev.kiln.worker.image.ResolveMode;
import dev.kiln.worker.ops.BuildWorker;
import dev.kiln.worker.ops.ContextPrefetch;
import dev.kiln.worker.ops.WorkerOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@code kiln build}: Dockerfile to graph, graph through the solver, result through the exporters,
 * with BuildKit's plain progress on stderr and its error summary when a step fails.
 */
public final class BuildRunner {
    private final Engine engine;
    private final PrintStream err;
    private final PrintStream stdout;

    public BuildRunner(Engine engine, PrintStream err, PrintStream stdout) {
        this.engine = engine;
        this.err = err;
        this.stdout = stdout;
    }

    /** What to build and where the results go. */
    public record Job(Function<ImageMetadataResolver, ConvertRequest> request, Path contextDir,
                      List<OutputSpec> outputs, boolean pull, WorkerOptions worker, Optional<Path> iidFile,
                      Optional<Path> metadataFile, boolean quiet) {
    }

    /** Builds and exports; returns the image ID (config digest) when an image was exported. */
    public Optional<String> run(Job job) {
        PlainProgress progress = job.quiet() ? PlainProgress.discarding() : new PlainProgress(err);
        PlainProgressSink sink = new PlainProgressSink(progress);
        EngineImageResolver resolver = new EngineImageResolver(engine.imageSource(),
                job.pull() ? ResolveMode.PULL : ResolveMode.DEFAULT, progress);
        ConvertRequest request = job.request().apply(resolver);
        try (ContextPrefetch prefetch = engine.contextPrefetch()) {
            // The context transfers while the frontend resolves the base images.
            prefetch.start(request.contextName(), job.contextDir(), request.excludePatterns());
            return build(job, request, resolver, prefetch, progress, sink);
        }
    }

    private Optional<String> build(Job job, ConvertRequest request, EngineImageResolver resolver,
                                   ContextPrefetch prefetch, PlainProgress progress, PlainProgressSink sink) {
        ConvertResult converted = DockerfileConverter.convert(request);
        prefetch.keepOnlyUsedBy(converted.graph());
        Exporters exporters = new Exporters(new ExportContext(engine.content(), Optional.of(engine.images()),
                Optional.of(engine.registry()), stdout));
        List<Exporter> resolvedOutputs = job.outputs().stream().map(exporters::resolve).toList();
        BuildWorker worker = engine.worker(Map.of(request.contextName(), job.contextDir()), prefetch, job.worker());
        worker.checkEntitlements(converted.graph());
        Solver solver = engine.solver(worker);
        try (SolveResult result = solve(solver, converted, request, sink)) {
            List<ExportResult> results = export(result, converted, resolver, resolvedOutputs,
                    sourceDateEpoch(request), progress);
            Optional<ExportResult.Image> image = results.stream().flatMap(r -> r.image().stream()).findFirst();
            writeFiles(job, image);
            new WarningsPrinter(err).print(converted.warnings());
            return image.map(i -> i.configDigest().toString());
        }
    }

    private SolveResult solve(Solver solver, ConvertResult converted, ConvertRequest request, PlainProgressSink sink) {
        try {
            return solver.solve(converted.graph(), new SolveOptions(false), sink);
        } catch (VertexError e) {
            new FailureSummary(err, dockerfileLines(request)).print(e, sink.tail(e.vertex()));
            throw e;
        }
    }

    private static List<String> dockerfileLines(ConvertRequest request) {
        return new String(request.dockerfile(), StandardCharsets.UTF_8).lines().toList();
    }

    /** SOURCE_DATE_EPOCH from the build arguments (which include the environment's). */
    private static Optional<Instant> sourceDateEpoch(ConvertRequest request) {
        String epoch = request.buildArgs().get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(epoch)));
        } catch (NumberFormatException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "invalid SOURCE_DATE_EPOCH: " + epoch);
        }
    }

    private List<ExportResult> export(SolveResult result, ConvertResult converted, EngineImageResolver resolver,
                                      List<Exporter> outputs, Optional<Instant> epoch, PlainProgress progress) {
        List<ExportResult> results = new ArrayList<>();
        if (outputs.isEmpty()) {
            return results;
        }
        try (SnapshotLayers layers = new SnapshotLayers(engine.snapshotter(), engine.differ(), engine.tempDir())) {
            String snapshot = result.result() == null ? null : BuildWorker.snapshotName(result.result());
            boolean needsLayers = outputs.stream().anyMatch(Exporter::writesImage);
            ImageSpec image = new ImageSpec(epoch.map(e -> stamped(converted.image(), e)).orElse(converted.image()),
                    snapshot == null || !needsLayers ? List.of() : layers.layers(snapshot),
                    resolver.baseHistoryOf(converted.image()));
            RootfsView rootfs = use -> engine.withReadOnly(snapshot == null ? List.of() : layers.view(snapshot), dir -> {
                use.read(dir);
                return null;
            });
            for (Exporter exporter : outputs) {
                String id = "export:" + exporter.description();
                progress.started(id, exporter.description(), System.nanoTime());
                results.add(exporter.export(new ExportRequest(image, rootfs, epoch)));
                progress.completed(id, System.nanoTime());
            }
        }
        return results;
    }

    /**
     * SOURCE_DATE_EPOCH as the image's {@code created} and that of every history entry this build added (base image
     * entries keep theirs). Without it the exporter takes each layer's time from when its snapshot was made, as
     * BuildKit does, so a fully cached rebuild gives the same image ID.
     */
    private static ImageConfig stamped(ImageConfig config, Instant epoch) {
        String time = DateTimeFormatter.ISO_INSTANT.format(epoch);
        List<ImageConfig.History> history = config.history() == null ? List.of() : config.history().stream()
                .map(h -> h.created() != null ? h
                        : new ImageConfig.History(time, h.createdBy(), h.author(), h.comment(), h.emptyLayer()))
                .toList();
        return config.withCreated(time).withHistory(history);
    }

    private static void writeFiles(Job job, Optional<ExportResult.Image> image) {
        job.iidFile().ifPresent(f -> write(f, image.map(i -> i.configDigest().toString()).orElse("")));
        job.metadataFile().ifPresent(f -> write(f, Json.string(
                image.map(i -> ExportResult.of(i).metadata()).orElse(Map.of()))));
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KilnException(ErrorKind.INVALID_ARGUMENT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
