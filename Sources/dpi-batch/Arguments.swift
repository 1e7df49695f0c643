/// The words after the command name, split into `--name value` options, `--flag`s and positional
/// words, checked against what the command accepts so that a typo is a usage error, not ignored.
struct Arguments {
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    /// Parses `words`; `valueOptions` take a value (`--job 7` or `--job=7`), `flags` do not.
    init(_ words: [String], valueOptions: Set<String>, flags: Set<String>) throws(UsageError) {
        var remaining = words[...]
        while let word = remaining.popFirst() {
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if valueOptions.contains(name) {
                guard let value = inlineValue ?? remaining.popFirst() else {
                    throw UsageError("--\(name) needs a value")
                }
                options[name] = value
            } else if flags.contains(name), inlineValue == nil {
                self.flags.insert(name)
            } else {
                throw UsageError("unknown option --\(name)")
            }
        }
    }

    /// The value of `--name`, if given.
    subscript(option name: String) -> String? {
        options[name]
    }

    /// Whether `--name` was given.
    func has(_ flag: String) -> Bool {
        flags.contains(flag)
    }
}

/// The command line is wrong: the message says how; the command prints its usage and exits 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
