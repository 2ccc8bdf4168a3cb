package dev.kiln.cli.build;

import dev.kiln.cli.engine.Engine;
import dev.kiln.cli.progress.PlainProgress;
import dev.kiln.cli.progress.PlainProgressSink;
import dev.kiln.core.ErrorKind;
import dev.kiln.core.KilnException;
import dev.kiln.core.json.Json;
import dev.kiln.exporter.ExportContext;
import dev.kiln.exporter.ExportRequest;
import dev.kiln.exporter.ExportResult;
import dev.kiln.exporter.Exporter;
import dev.kiln.exporter.Exporters;
import dev.kiln.exporter.LocalExporter;
import dev.kiln.exporter.RootfsView;
import dev.kiln.exporter.TarExporter;
import dev.kiln.exporter.OutputSpec;
import dev.kiln.exporter.image.ImageSpec;
import dev.kiln.exporter.snapshot.SnapshotLayers;
import dev.kiln.frontend.dockerfile.convert.ConvertRequest;
import dev.kiln.frontend.dockerfile.convert.ConvertResult;
import dev.kiln.frontend.dockerfile.convert.DockerfileConverter;
import dev.kiln.solver.SolveOptions;
import dev.kiln.solver.SolveResult;
import dev.kiln.solver.Solver;
import dev.kiln.solver.VertexError;
import dev.kiln.worker.image.ResolveMode;
import dev.kiln.worker.ops.BuildWorker;
import dev.kiln.worker.ops.WorkerOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public record Job(ConvertRequest.Builder convert, Path contextDir, List<OutputSpec> outputs, boolean pull,
                      long shmSize, Optional<Path> iidFile, Optional<Path> metadataFile,
                      Optional<Instant> sourceDateEpoch) {
    }

    public void run(Job job) {
        PlainProgress progress = new PlainProgress(err);
        PlainProgressSink sink = new PlainProgressSink(progress);
        EngineImageResolver resolver = new EngineImageResolver(engine.imageSource(),
                job.pull() ? ResolveMode.PULL : ResolveMode.DEFAULT, progress);
        ConvertResult converted = DockerfileConverter.convert(job.convert().resolver(resolver).build());
        Exporters exporters = new Exporters(new ExportContext(engine.content(), Optional.of(engine.images()),
                Optional.of(engine.registry()), stdout));
        List<Exporter> resolvedOutputs = job.outputs().stream().map(exporters::resolve).toList();
        BuildWorker worker = engine.worker(Map.of("context", job.contextDir()), new WorkerOptions(job.shmSize()));
        Solver solver = engine.solver(worker);
        try (SolveResult result = solve(solver, converted, job, sink)) {
            List<ExportResult> results = export(result, converted, resolver, resolvedOutputs, job, progress);
            writeFiles(job, results);
        }
        new WarningsPrinter(err).print(converted.warnings());
    }

    private SolveResult solve(Solver solver, ConvertResult converted, Job job, PlainProgressSink sink) {
        try {
            return solver.solve(converted.graph(), new SolveOptions(false), sink);
        } catch (VertexError e) {
            new FailureSummary(err, dockerfileLines(job)).print(e, sink.tail(e.vertex()));
            throw e;
        }
    }

    private static List<String> dockerfileLines(Job job) {
        return new String(job.convert().build().dockerfile(), StandardCharsets.UTF_8).lines().toList();
    }

    private List<ExportResult> export(SolveResult result, ConvertResult converted, EngineImageResolver resolver,
                                      List<Exporter> outputs, Job job, PlainProgress progress) {
        List<ExportResult> results = new ArrayList<>();
        if (outputs.isEmpty()) {
            return results;
        }
        try (SnapshotLayers layers = new SnapshotLayers(engine.snapshotter(), engine.differ(), engine.tempDir())) {
            String snapshot = result.result() == null ? null : BuildWorker.snapshotName(result.result());
            boolean needsLayers = outputs.stream().anyMatch(o -> !(o instanceof LocalExporter || o instanceof TarExporter));
            ImageSpec image = new ImageSpec(converted.image(),
                    snapshot == null || !needsLayers ? List.of() : layers.layers(snapshot),
                    resolver.baseHistoryOf(converted.image()));
            RootfsView rootfs = use -> engine.withReadOnly(snapshot == null ? List.of() : layers.view(snapshot), dir -> {
                use.read(dir);
                return null;
            });
            for (Exporter exporter : outputs) {
                String id = "export:" + exporter.description();
                progress.started(id, exporter.description(), System.nanoTime());
                results.add(exporter.export(new ExportRequest(image, rootfs, job.sourceDateEpoch())));
                progress.completed(id, System.nanoTime());
            }
        }
        return results;
    }

    private static void writeFiles(Job job, List<ExportResult> results) {
        Optional<ExportResult.Image> image = results.stream().flatMap(r -> r.image().stream()).findFirst();
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
