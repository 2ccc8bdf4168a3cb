package dev.kiln.worker.snapshot;

import static dev.kiln.worker.sys.LinuxMounts.MS_BIND;
import static dev.kiln.worker.sys.LinuxMounts.MS_DIRSYNC;
import static dev.kiln.worker.sys.LinuxMounts.MS_MANDLOCK;
import static dev.kiln.worker.sys.LinuxMounts.MS_NOATIME;
import static dev.kiln.worker.sys.LinuxMounts.MS_NODEV;
import static dev.kiln.worker.sys.LinuxMounts.MS_NODIRATIME;
import static dev.kiln.worker.sys.LinuxMounts.MS_NOEXEC;
import static dev.kiln.worker.sys.LinuxMounts.MS_NOSUID;
import static dev.kiln.worker.sys.LinuxMounts.MS_PRIVATE;
import static dev.kiln.worker.sys.LinuxMounts.MS_RDONLY;
import static dev.kiln.worker.sys.LinuxMounts.MS_REC;
import static dev.kiln.worker.sys.LinuxMounts.MS_RELATIME;
import static dev.kiln.worker.sys.LinuxMounts.MS_REMOUNT;
import static dev.kiln.worker.sys.LinuxMounts.MS_SHARED;
import static dev.kiln.worker.sys.LinuxMounts.MS_SLAVE;
import static dev.kiln.worker.sys.LinuxMounts.MS_STRICTATIME;
import static dev.kiln.worker.sys.LinuxMounts.MS_SYNCHRONOUS;
import static dev.kiln.worker.sys.LinuxMounts.MS_UNBINDABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mount(8)-style options split into what mount(2) takes: flags to set, propagation flags (applied by a second
 * call), and the filesystem-specific data string.
 */
record MountOptions(long flags, long propagation, String data) {
    private record Flag(boolean clear, long bits) {
    }

    private static final Map<String, Flag> FLAGS = Map.ofEntries(
            Map.entry("async", new Flag(true, MS_SYNCHRONOUS)),
            Map.entry("atime", new Flag(true, MS_NOATIME)),
            Map.entry("bind", new Flag(false, MS_BIND)),
            Map.entry("defaults", new Flag(false, 0)),
            Map.entry("dev", new Flag(true, MS_NODEV)),
            Map.entry("diratime", new Flag(true, MS_NODIRATIME)),
            Map.entry("dirsync", new Flag(false, MS_DIRSYNC)),
            Map.entry("exec", new Flag(true, MS_NOEXEC)),
            Map.entry("mand", new Flag(false, MS_MANDLOCK)),
            Map.entry("noatime", new Flag(false, MS_NOATIME)),
            Map.entry("nodev", new Flag(false, MS_NODEV)),
            Map.entry("nodiratime", new Flag(false, MS_NODIRATIME)),
            Map.entry("noexec", new Flag(false, MS_NOEXEC)),
            Map.entry("nomand", new Flag(true, MS_MANDLOCK)),
            Map.entry("norelatime", new Flag(true, MS_RELATIME)),
            Map.entry("nostrictatime", new Flag(true, MS_STRICTATIME)),
            Map.entry("nosuid", new Flag(false, MS_NOSUID)),
            Map.entry("rbind", new Flag(false, MS_BIND | MS_REC)),
            Map.entry("relatime", new Flag(false, MS_RELATIME)),
            Map.entry("remount", new Flag(false, MS_REMOUNT)),
            Map.entry("ro", new Flag(false, MS_RDONLY)),
            Map.entry("rw", new Flag(true, MS_RDONLY)),
            Map.entry("strictatime", new Flag(false, MS_STRICTATIME)),
            Map.entry("suid", new Flag(true, MS_NOSUID)),
            Map.entry("sync", new Flag(false, MS_SYNCHRONOUS)));

    private static final Map<String, Long> PROPAGATION = Map.of(
            "private", MS_PRIVATE, "rprivate", MS_PRIVATE | MS_REC,
            "shared", MS_SHARED, "rshared", MS_SHARED | MS_REC,
            "slave", MS_SLAVE, "rslave", MS_SLAVE | MS_REC,
            "unbindable", MS_UNBINDABLE, "runbindable", MS_UNBINDABLE | MS_REC);

    static MountOptions parse(List<String> options) {
        long flags = 0;
        long propagation = 0;
        List<String> data = new ArrayList<>();
        for (String o : options) {
            Flag f = FLAGS.get(o);
            Long p = PROPAGATION.get(o);
            if (f != null) {
                flags = f.clear() ? flags & ~f.bits() : flags | f.bits();
            } else if (p != null) {
                propagation |= p;
            } else {
                data.add(o);
            }
        }
        return new MountOptions(flags, propagation, String.join(",", data));
    }

    boolean isBind() {
        return (flags & MS_BIND) != 0;
    }

    boolean isReadOnly() {
        return (flags & MS_RDONLY) != 0;
    }
}
