import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (`+` is a space, `%XX` a byte), as token
/// requests send them.
struct FormBody {
    private let fields: [(name: String, value: String)]

    init(_ body: Data) {
        fields = String(decoding: body, as: UTF8.self).split(separator: "&").map { field in
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(pair[0]), pair.count > 1 ? decode(pair[1]) : "")
        }
    }

    /// The first value of field `name`, or nil.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}
