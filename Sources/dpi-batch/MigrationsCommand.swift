/// A command that compares the database with the migrations folder (`--migrations DIR`) and takes
/// no positional words.
protocol MigrationsCommand: Command {
    init(migrationsFolder: String?)
}

extension MigrationsCommand {
    static var valueOptions: Set<String> { ["migrations"] }

    init(_ arguments: Arguments) throws(UsageError) {
        guard arguments.positional.isEmpty else { throw UsageError("unexpected \(arguments.positional[0])") }
        self.init(migrationsFolder: arguments[option: "migrations"])
    }
}
