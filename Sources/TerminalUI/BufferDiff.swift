/// A stretch of cells on one row that a terminal must be sent, left to right from `x`. A wide
/// character is followed by its continuation cell, which the terminal fills by itself.
public struct BufferRun: Equatable, Sendable {
    public let x: Int
    public let y: Int
    public let cells: [Cell]
}

extension Buffer {
    /// What turns a terminal showing `previous` into one showing this buffer: the changed cells,
    /// in runs. `put` blanks the other half of a wide character it writes over, as terminals do,
    /// so both halves always change together. Without `previous`, or after a resize, every row is
    /// sent whole. Kept here, not in the backend, so it can be tested
    /// against a model terminal without ncurses.
    public func diff(from previous: Buffer?) -> [BufferRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in BufferRun(x: 0, y: y, cells: Array(cells[y * width..<(y + 1) * width])) }
        }
        var runs: [BufferRun] = []
        var marked = [Bool](repeating: false, count: width)
        for y in 0..<height {
            let row = y * width
            var any = false
            for x in 0..<width {
                marked[x] = cells[row + x] != previous.cells[row + x]
                any = any || marked[x]
            }
            guard any else { continue }
            var x = 0
            while x < width {
                guard marked[x] else { x += 1; continue }
                let start = x
                while x < width && marked[x] { x += 1 }
                runs.append(BufferRun(x: start, y: y, cells: Array(cells[row + start..<row + x])))
            }
        }
        return runs
    }
}
