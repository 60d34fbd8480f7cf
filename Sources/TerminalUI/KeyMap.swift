/// Key bindings as data, per context: a key is looked up in the screen's context first, then in
/// the global one, so each screen has its own keys and the help overlay, hints and the README's
/// tables are all read from the same table and never lie about a key. A modal context (a form,
/// where letters are text) is looked up alone: the global keys do not reach it.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    /// The context whose keys work on every screen.
    public static var global: String { "global" }

    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        /// Config name, e.g. `move-card-right`; the same action keeps its name in every context.
        public var name: String
        public var help: String
        public var group: String
        public var context: String

        public init(_ keys: [Key], _ action: Action, name: String, help: String, group: String, context: String = KeyMap.global) {
            self.keys = keys
            self.action = action
            self.name = name
            self.help = help
            self.group = group
            self.context = context
        }
    }

    /// One rebinding from the config file: `[keys]` (context nil: the action wherever it is
    /// bound) or `[keys.board]`; `line` is where it was written, for messages.
    public struct Override: Sendable, Equatable {
        public var context: String?
        public var name: String
        public var keys: [String]
        public var line: Int?

        public init(context: String?, name: String, keys: [String], line: Int? = nil) {
            self.context = context
            self.name = name
            self.keys = keys
            self.line = line
        }

        var place: String { (line.map { "line \($0): " } ?? "") + "keys" + (context.map { ".\($0)" } ?? "") + ".\(name)" }
    }

    public private(set) var bindings: [Binding]
    /// Contexts that do not fall back to the global keys.
    public let modal: Set<String>
    private var lookup: [String: [Key: Action]] = [:]

    public init(_ bindings: [Binding], modal: Set<String> = []) {
        self.bindings = bindings
        self.modal = modal
        rebuild()
    }

    /// The action `key` asks for in `context`, falling back to the global keys unless the
    /// context is modal.
    public func action(for key: Key, in context: String = KeyMap.global) -> Action? {
        lookup[context]?[key] ?? (modal.contains(context) ? nil : lookup[Self.global]?[key])
    }

    /// Whether a key bound in context `a` and one bound in `b` can both apply at once.
    private func overlap(_ a: String, _ b: String) -> Bool {
        a == b || (a == Self.global && !modal.contains(b)) || (b == Self.global && !modal.contains(a))
    }

    /// Another context where `key` does something, and what (for "that key works on …").
    public func elsewhere(_ key: Key, notIn context: String) -> (context: String, action: Action)? {
        for b in bindings where b.context != context && b.context != Self.global && !modal.contains(b.context) && b.keys.contains(key) {
            return (b.context, b.action)
        }
        return nil
    }

    /// The keys of `action` in `context` (or, when it is not bound there, globally).
    public func keys(for action: Action, in context: String = KeyMap.global) -> [Key] {
        if let b = bindings.first(where: { $0.action == action && $0.context == context }) { return b.keys }
        return bindings.first { $0.action == action && $0.context == Self.global }?.keys ?? []
    }

    /// The first key of `action` as a person types it ("?", "S-right"), or nil when it has none.
    public func key(for action: Action, in context: String = KeyMap.global) -> String? {
        keys(for: action, in: context).first?.description
    }

    /// The bindings that work in `context`: its own, then (unless it is modal) the global ones.
    public func bindings(in context: String) -> [Binding] {
        bindings.filter { $0.context == context } + bindings.filter { $0.context == Self.global && context != Self.global && !modal.contains(context) }
    }

    /// Keys bound to two actions where both would apply (a context and itself, or a context
    /// and the global keys it falls back to).
    public var conflicts: [String] {
        var out: [String] = []
        for (i, a) in bindings.enumerated() {
            for b in bindings[(i + 1)...] where overlap(a.context, b.context) {
                for k in a.keys where b.keys.contains(k) && a.name != b.name {
                    out.append("\(k) is both \(a.name) (\(a.context)) and \(b.name) (\(b.context))")
                }
            }
        }
        return out
    }

    /// Applies the user's rebindings in order. A key taken from another action that applies in
    /// the same place is reported, and so is an action left without a key; unknown names and
    /// keys are reported and skipped. The rest applies.
    public mutating func override(_ overrides: [Override]) -> [String] {
        var problems: [String] = []
        for o in overrides {
            let targets = bindings.indices.filter { bindings[$0].name == o.name && (o.context == nil || bindings[$0].context == o.context) }
            guard !targets.isEmpty else {
                let known = bindings.contains { $0.name == o.name }
                problems.append("\(o.place): " + (known ? "\(o.name) has no key in \(o.context ?? Self.global)" : "unknown action \(o.name)"))
                continue
            }
            let keys = o.keys.compactMap(Key.init(name:))
            guard keys.count == o.keys.count else {
                problems.append("\(o.place): unknown key in \(o.keys.joined(separator: ", "))")
                continue
            }
            for t in targets {
                let context = bindings[t].context
                for k in keys {
                    for j in bindings.indices where j != t && bindings[j].name != o.name && bindings[j].keys.contains(k)
                        && overlap(bindings[j].context, context) {
                        bindings[j].keys.removeAll { $0 == k }
                        let left = bindings[j].keys.isEmpty ? ", which has no key left" : ""
                        problems.append("\(o.place): \(k) was \(bindings[j].name)'s key (\(bindings[j].context)) and is now \(o.name)'s\(left)")
                    }
                }
                bindings[t].keys = keys
            }
        }
        rebuild()
        return problems
    }

    private mutating func rebuild() {
        lookup = [:]
        for b in bindings {
            for k in b.keys where lookup[b.context, default: [:]][k] == nil { lookup[b.context, default: [:]][k] = b.action }
        }
    }
}
