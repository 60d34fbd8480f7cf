import Foundation

/// Which filesystem holds a project. SQLite's WAL mode needs shared memory between all the
/// processes using a file, which network filesystems cannot give across machines; on those the
/// store uses a rollback journal instead, which relies only on file locks.
public enum Filesystem {
    /// Mount types that are network or cluster filesystems.
    static let networkTypes: Set<String> = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "ceph", "afs", "coda", "gfs2",
                                            "lustre", "ocfs2", "glusterfs", "fuse.sshfs", "fuse.glusterfs", "fuse.s3fs",
                                            "fuse.rclone", "fuse.gcsfuse", "davfs", "fuse.davfs2"]

    /// The type of the network filesystem holding `path`'s folder, or nil on a local disk.
    /// `GANTRY_NETWORK_FS=TYPE` claims one, to try the network-safe mode on a local disk.
    public static func networkName(for path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let claimed = environment["GANTRY_NETWORK_FS"], !claimed.isEmpty { return claimed }
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8),
              let resolved = realpath(ProjectFile.directory(of: path), nil) else { return nil }
        defer { free(resolved) }
        guard let type = mountType(of: String(cString: resolved), mounts: mounts) else { return nil }
        return networkTypes.contains(type) ? type : nil
    }

    /// Bytes an unprivileged user may still write in `path`'s folder (nil when unknown).
    static func bytesFree(for path: String) -> UInt64? {
        var st = statvfs()
        guard statvfs(ProjectFile.directory(of: path), &st) == 0 else { return nil }
        return UInt64(st.f_bavail) * UInt64(st.f_frsize)
    }

    /// The type of the mount that holds `path`: the longest mount point that is a prefix of it.
    /// `mounts` is in the format of /proc/mounts (octal escapes in mount points).
    static func mountType(of path: String, mounts: String) -> String? {
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count >= 3 else { continue }
            let point = unescape(String(parts[1]))
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, String(parts[2])) }
        }
        return best?.type
    }

    private static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\040", with: " ").replacingOccurrences(of: "\\011", with: "\t")
            .replacingOccurrences(of: "\\012", with: "\n").replacingOccurrences(of: "\\134", with: "\\")
    }
}
