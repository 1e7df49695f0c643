import Foundation

/// Finds `sql/migrations/`: given with `--migrations DIR`, else the nearest one above the running
/// executable (a build inside the checkout), else above the current directory.
enum MigrationsFolder {
    static func locate(given: String?) throws(UsageError) -> String {
        if let given { return given }
        guard let folder = CheckoutSearch.nearest("sql/migrations", accept: FileManager.default.fileExists) else {
            throw UsageError("cannot find sql/migrations above the executable or the current directory: "
                + "pass --migrations DIR")
        }
        return folder
    }
}
