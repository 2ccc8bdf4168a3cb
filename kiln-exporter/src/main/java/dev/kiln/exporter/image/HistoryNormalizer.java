package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.ImageConfig.History;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lines the config history up with the layers the way BuildKit's image writer does: history entries without a layer
 * are marked empty, layers without a history entry get one, empty layers (an empty tar) are dropped and their entry
 * marked empty, an entry of a layer without a time gets the time the layer was made, other missing {@code created}
 * times are filled from their neighbours, and with SOURCE_DATE_EPOCH no entry
 * is later than the epoch, except the entries inherited unchanged from the base image (moby/buildkit#4614: their times
 * must keep matching the base image's).
 */
final class HistoryNormalizer {
    /** The diffID of a tar with no entries (two zero blocks, as Go's archive/tar writes it). */
    static final Digest EMPTY_TAR = Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");
    static final String ADDED_ENTRY_COMMENT = "buildkit.exporter.image.v0";

    record Result(List<History> history, List<LayerBlob> layers) {
    }

    private HistoryNormalizer() {
    }

    static Result normalize(List<History> given, List<History> base, List<LayerBlob> layers,
                            List<Optional<Instant>> layerTimes, Optional<Instant> epoch) {
        List<History> history = alignCounts(given == null ? List.of() : given, layers.size());
        List<History> aligned = new ArrayList<>(history.size());
        List<LayerBlob> kept = new ArrayList<>(layers.size());
        int layer = 0;
        for (History h : history) {
            if (!h.emptyLayer()) {
                if (h.created() == null && layerTimes.get(layer).isPresent()) {
                    h = new History(layerTimes.get(layer).get().toString(), h.createdBy(), h.author(), h.comment(), false);
                }
                LayerBlob blob = layers.get(layer++);
                if (blob.diffId().equals(EMPTY_TAR)) {
                    h = new History(h.created(), h.createdBy(), h.author(), h.comment(), true);
                } else {
                    kept.add(blob);
                }
            }
            aligned.add(h);
        }
        return new Result(clampToEpoch(fillCreated(aligned), base, epoch), kept);
    }

    private static List<History> alignCounts(List<History> given, int layerCount) {
        List<History> history = new ArrayList<>(given.size() + layerCount);
        int withLayer = 0;
        for (History h : given) {
            boolean empty = h.emptyLayer() || withLayer >= layerCount;
            history.add(empty == h.emptyLayer() ? h : new History(h.created(), h.createdBy(), h.author(), h.comment(), true));
            if (!empty) {
                withLayer++;
            }
        }
        for (; withLayer < layerCount; withLayer++) {
            history.add(new History(null, null, null, ADDED_ENTRY_COMMENT, false));
        }
        return history;
    }

    /**
     * An entry without a time takes the time of the first timed entry after the first untimed one (so metadata-only
     * steps do not inherit a base image's time), or the previous entry's time after that.
     */
    private static List<History> fillCreated(List<History> history) {
        String created = null;
        boolean sawUntimed = false;
        for (History h : history) {
            if (h.created() != null) {
                created = h.created();
                if (sawUntimed) {
                    break;
                }
            } else {
                sawUntimed = true;
            }
        }
        List<History> filled = new ArrayList<>(history.size());
        sawUntimed = false;
        for (History h : history) {
            if (h.created() != null) {
                if (sawUntimed) {
                    created = h.created();
                }
                filled.add(h);
            } else {
                sawUntimed = true;
                filled.add(new History(created, h.createdBy(), h.author(), h.comment(), h.emptyLayer()));
            }
        }
        return filled;
    }

    private static List<History> clampToEpoch(List<History> history, List<History> base, Optional<Instant> epoch) {
        if (epoch.isEmpty()) {
            return history;
        }
        List<History> clamped = new ArrayList<>(history.size());
        boolean divergedFromBase = false;
        for (int i = 0; i < history.size(); i++) {
            History h = history.get(i);
            divergedFromBase |= i >= base.size() || !h.equals(base.get(i));
            clamped.add(divergedFromBase && isAfter(h.created(), epoch.get())
                    ? new History(epoch.get().toString(), h.createdBy(), h.author(), h.comment(), h.emptyLayer())
                    : h);
        }
        return clamped;
    }

    /** True for a missing time too: an entry without a time gets the epoch. */
    static boolean isAfter(String created, Instant epoch) {
        return created == null || parse(created).map(t -> t.isAfter(epoch)).orElse(false);
    }

    static Optional<Instant> parse(String rfc3339) {
        try {
            return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
