package dev.kiln.worker.file;

/** A numeric owner: user id and group id. */
record Ids(int uid, int gid) {
    static final Ids ROOT = new Ids(0, 0);
}
