/// Layout by cutting rectangles: a screen splits its area into fixed parts and parts that share
/// what is left, instead of adding widths by hand.
extension Rect {
    /// The rectangle cut left to right: a width per part, nil for parts that share the rest
    /// equally (the last of them takes any odd cell); `gap` cells between parts.
    public func columns(_ widths: [Int?], gap: Int = 0) -> [Rect] {
        cut(widths, total: width, gap: gap).map { Rect(x: x + $0.offset, y: y, width: $0.size, height: height) }
    }

    /// The rectangle cut top to bottom, as `columns` cuts it left to right.
    public func rows(_ heights: [Int?], gap: Int = 0) -> [Rect] {
        cut(heights, total: height, gap: gap).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.size) }
    }

    private func cut(_ sizes: [Int?], total: Int, gap: Int) -> [(offset: Int, size: Int)] {
        let fixed = sizes.compactMap { $0 }.reduce(0, +) + gap * max(0, sizes.count - 1)
        let flexible = sizes.filter { $0 == nil }.count
        let share = flexible == 0 ? 0 : max(0, total - fixed) / flexible
        let lastFlexible = sizes.lastIndex { $0 == nil }
        var offset = 0
        var out: [(Int, Int)] = []
        for (i, size) in sizes.enumerated() {
            var s = size ?? share
            if i == lastFlexible { s += max(0, total - fixed) - share * flexible }
            s = max(0, min(s, total - offset))
            out.append((offset, s))
            offset = min(total, offset + s + gap)
        }
        return out
    }
}
