import Foundation

/// What a mailbox refuses in an HTML document (spec 7.5): scripts (`<script>`, `javascript:` URLs), event
/// handler attributes (`onclick=` ...), embedded content (`<iframe>`, `<object>`, `<embed>`, `<applet>`),
/// forms, and resources fetched from elsewhere (`src`, `srcset`, `background`, `poster` not a `data:` URL,
/// `<link href>`, CSS `url(...)` not a `data:` URL, `@import`). Links (`<a href>`) are allowed.
enum HTMLContentRules {
    /// Each forbidden construct: a case-insensitive regular expression and what it is, for the detail.
    private static let rules: [(pattern: String, what: String)] = [
        (#"<script[\s>/]"#, "holds a script"),
        (#"javascript\s*:"#, "holds a javascript: URL"),
        (#"<[a-z][^>]*\son[a-z]+\s*="#, "holds an event-handler attribute (on...=)"),
        (#"<(iframe|object|embed|applet)[\s>/]"#, "embeds an iframe, object, embed or applet"),
        (#"<form[\s>/]"#, "holds a form"),
        (#"<[a-z][^>]*\s(src|srcset|background|poster)\s*=\s*(?!["']?\s*data:)"#,
         "references an external resource (only inline data: URLs are allowed)"),
        (#"<link[\s/][^>]*href\s*="#, "references an external resource with <link>"),
        (#"url\(\s*(?!["']?\s*data:)"#, "references an external resource in CSS url()"),
        (#"@import"#, "imports an external style sheet"),
    ]

    /// The first broken rule in `html` ("holds a script" ...), or nil when it keeps every rule.
    static func problem(in html: Data) -> String? {
        let text = String(decoding: html, as: UTF8.self)
        return rules.first { text.range(of: $0.pattern, options: [.regularExpression, .caseInsensitive]) != nil }?
            .what
    }
}
