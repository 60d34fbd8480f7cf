import Foundation
import Testing

/// Files that are not projects are named for what they are, without hanging and without
/// leaving -wal or -shm beside them.
@Suite struct OddFilesTests {
    @Test func fifoFolderLinksAndDamageAreNamed() throws {
        let h = try CLIHarness()
        let r = try BinaryHarness.shell("""
            mkfifo fifo; mkdir folder; ln -s loop-a loop-b; ln -s loop-b loop-a; ln -s missing dangling
            $GANTRY demo --output damaged.sqlite >/dev/null
            python3 -c "f = open('damaged.sqlite', 'r+b'); f.seek(4096 * 5); f.write(b'\\xde\\xad' * 4000)"
            for f in fifo folder loop-a dangling damaged.sqlite; do
              timeout 10 $GANTRY card list --project $f; echo "status=$?" >&2
            done
            ls -a
            """, in: h.dir)
        let err = r.err.split(separator: "\n").map(String.init)
        #expect(err.contains { $0.contains("fifo is not a Gantry project (a FIFO (named pipe))") }, "\(r.err)")
        #expect(err.contains { $0.contains("folder is not a Gantry project (a folder;") })
        #expect(err.contains { $0.contains("loop-a is not a Gantry project (a symbolic link that loops") })
        #expect(err.contains { $0.contains("dangling is not a Gantry project (a symbolic link to missing, which does not exist)") })
        #expect(err.contains { $0.contains("damaged.sqlite is damaged") })
        #expect(err.filter { $0.hasPrefix("status=") } == Array(repeating: "status=1", count: 5), "none hangs (124) or crashes")
        let files = r.out.split(separator: "\n").map(String.init)
        #expect(!files.contains("damaged.sqlite-wal") && !files.contains("damaged.sqlite-shm"), "\(files)")
    }
}
