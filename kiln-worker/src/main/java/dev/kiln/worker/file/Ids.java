package dev.kiln.worker.file;

/** A numeric owner: user id and group id. */
public record Ids(int uid, int gid) {
    public static final Ids ROOT = new Ids(0, 0);
}
