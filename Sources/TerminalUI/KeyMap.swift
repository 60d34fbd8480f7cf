/// Key bindings as data: the defaults, the user's overrides, and the help overlay all come from
/// the same table, so the help never lies about a key.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        /// Config name, e.g. `move-card-right`.
        public var name: String
        public var help: String
        public var group: String

        public init(_ keys: [Key], _ action: Action, name: String, help: String, group: String) {
            self.keys = keys
            self.action = action
            self.name = name
            self.help = help
            self.group = group
        }
    }

    public private(set) var bindings: [Binding]
    private var lookup: [Key: Action] = [:]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        rebuild()
    }

    public func action(for key: Key) -> Action? { lookup[key] }

    /// Replaces the keys of the named actions, e.g. from `[keys]` in the config file:
    /// `move-card-right = ["L", "S-right"]`. Returns the problems found (unknown names, bad keys);
    /// the rest still applies.
    public mutating func override(_ overrides: [String: [String]]) -> [String] {
        var problems: [String] = []
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let i = bindings.firstIndex(where: { $0.name == name }) else {
                problems.append("unknown action \(name)")
                continue
            }
            let keys = keyNames.compactMap(Key.init(name:))
            if keys.count != keyNames.count {
                problems.append("\(name): unknown key in \(keyNames.joined(separator: ", "))")
                continue
            }
            for k in keys {
                for j in bindings.indices where j != i { bindings[j].keys.removeAll { $0 == k } }
            }
            bindings[i].keys = keys
        }
        rebuild()
        return problems
    }

    private mutating func rebuild() {
        lookup = [:]
        for b in bindings {
            for k in b.keys where lookup[k] == nil { lookup[k] = b.action }
        }
    }
}
