package dev.kiln.worker.snapshot;

/**
 * Disk space a snapshot adds on top of its parent, counted like du(1): allocated blocks and distinct inodes.
 *
 * @param size bytes allocated (st_blocks * 512 over distinct inodes)
 * @param inodes distinct inodes
 */
public record Usage(long size, long inodes) {
}
