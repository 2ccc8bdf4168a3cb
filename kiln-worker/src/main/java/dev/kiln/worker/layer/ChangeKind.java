package dev.kiln.worker.layer;

/** continuity's change kinds; UNMODIFIED is reported only for hard-linked files, to keep their links whole. */
enum ChangeKind {
    ADD, MODIFY, DELETE, UNMODIFIED
}
