import Foundation
import Mailing

/// The `dpi-batch` command line: picks the command, parses its options and configuration, and turns
/// what it throws into a message on stderr and an exit code (0 done, 1 could not do its work, 2 bad usage).
enum CommandLineTool {
    /// The commands of PRODUCT.md that this build has, in the order `dpi-batch --help` lists them.
    static var commands: [any Command.Type] {
        [MigrateCommand.self, ImportCommand.self, CheckCommand.self, RunCommand.self, ReceiptsCommand.self,
         StatusCommand.self, ReportCommand.self, PauseCommand.self, CancelCommand.self, SimulateCommand.self]
    }

    /// Runs `dpi-batch <words>` and returns the exit code.
    static func main(_ words: [String]) -> Int32 {
        guard let name = words.first, !name.hasPrefix("-") else {
            let asked = words.first == "--help" || words.first == "-h"
            if asked { print(overview) } else { printError(overview) }
            return asked ? 0 : 2
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            printError("dpi-batch: unknown command '\(name)'\n\n" + overview)
            return 2
        }
        do {
            let arguments = try Arguments(
                Array(words.dropFirst()), valueOptions: command.valueOptions.union(["config", "log-format"]),
                flags: command.flags.union(["help"]))
            if arguments.has("help") {
                print(command.help)
                return 0
            }
            if let name = arguments[option: "log-format"] {
                guard let format = Logger.Format(rawValue: name) else {
                    throw UsageError("--log-format takes human or json, not '\(name)'")
                }
                Logger.bootstrap(format: format)
            }
            let configuration = try Configuration.load(file: arguments[option: "config"])
            return try command.init(arguments).run(configuration)
        } catch let error as UsageError {
            printError("dpi-batch \(name): \(error)\n\n\(command.help)")
            return 2
        } catch {
            // Under --log-format json the reason is a JSON log line too; person ids and tokens masked either way.
            let logger = Logger(label: "dpi-batch \(name)", sink: { _, line in printError(line) })
            if logger.format == .json {
                logger.error("\(error)")
            } else {
                printError(LogMasking.mask("dpi-batch \(name): \(error)"))
            }
            return 1
        }
    }

    private static var overview: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        let lines = commands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
            usage: dpi-batch <command> [options]   (dpi-batch <command> --help for its options)

            Sends letters as Digital Post til Innbyggere, from PostgreSQL, exactly once.

            commands:
            \(lines.joined(separator: "\n"))

            Configuration comes from DPI_* environment variables; --config FILE (KEY=value lines) overrides them.
            Every command takes --log-format human|json (json: one JSON object per log line on stderr).
            """
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
