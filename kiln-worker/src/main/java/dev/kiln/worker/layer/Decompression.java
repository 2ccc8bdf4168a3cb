package dev.kiln.worker.layer;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens a layer blob as its uncompressed tar, choosing gzip, zstd or none by the leading magic bytes as containerd
 * does (so a mislabeled media type does not matter). Read failures come out as {@link MalformedLayerException}.
 */
final class Decompression {
    private static final int BUFFER = 64 * 1024;

    private Decompression() {
    }

    static InputStream open(InputStream blob) throws IOException {
        BufferedInputStream in = new BufferedInputStream(blob, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        try {
            InputStream tar;
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                tar = new GZIPInputStream(in, BUFFER);
            } else if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                    && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
                tar = new ZstdInputStream(in);
            } else {
                tar = in;
            }
            return new Guarded(tar);
        } catch (IOException e) {
            throw new MalformedLayerException("malformed layer compression: " + e.getMessage(), e);
        }
    }

    /** Reports every read failure as a malformed (corrupt or truncated) layer. */
    private static final class Guarded extends FilterInputStream {
        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (MalformedLayerException e) {
                throw e;
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (MalformedLayerException e) {
                throw e;
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        private static MalformedLayerException malformed(IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new MalformedLayerException("corrupt or truncated layer data: " + why, e);
        }
    }
}
