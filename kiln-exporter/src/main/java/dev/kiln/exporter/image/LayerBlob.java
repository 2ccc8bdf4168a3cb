package dev.kiln.exporter.image;

import dev.kiln.core.Digest;
import dev.kiln.core.oci.Descriptor;

/** A layer as it goes into the manifest: its blob descriptor and the diffID of the tar inside. */
record LayerBlob(Descriptor blob, Digest diffId) {
}
