import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory: its pages are read as they are touched and can be given
/// back once used, so importing a 40 MB document does not hold 40 MB for the whole import.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    private let length: Int

    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("Cannot read \(path): \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io("Cannot read \(path): \(String(cString: strerror(errno))).") }
        length = Int(info.st_size)
        guard length > 0 else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw StoreError.io("Cannot read \(path): \(String(cString: strerror(errno))).")
        }
        base = p
        bytes = UnsafeRawBufferPointer(start: p, count: length)
    }

    /// Lets the kernel drop the pages before `offset`; they are read again if touched.
    func release(upTo offset: Int) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, length) / page * page
        if end > 0 { madvise(base, end, MADV_DONTNEED) }
    }

    deinit {
        if let base { munmap(base, length) }
    }
}
