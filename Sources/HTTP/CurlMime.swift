import CCurl
import Foundation

/// Owns a libcurl MIME structure for a `multipart/form-data` body. File parts are read by libcurl while
/// sending (curl_mime_filedata), so a large package is streamed from disk rather than loaded.
final class CurlMime {
    let pointer: OpaquePointer

    init(easy: CurlEasy, parts: [MultipartPart]) throws {
        guard let mime = curl_mime_init(easy.handle) else {
            throw HTTPError(.internalError, detail: "curl_mime_init returned nil")
        }
        pointer = mime
        for part in parts {
            try add(part)
        }
    }

    deinit {
        curl_mime_free(pointer)
    }

    private func add(_ part: MultipartPart) throws {
        guard let handle = curl_mime_addpart(pointer) else {
            throw HTTPError(.internalError, detail: "curl_mime_addpart returned nil")
        }
        try check(curl_mime_name(handle, part.name), "name")
        switch part.content {
        case .data(let data):
            // curl_mime_data copies the bytes.
            try data.withUnsafeBytes { raw in
                let bytes = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                try check(bytes.map { curl_mime_data(handle, $0, raw.count) } ?? curl_mime_data(handle, "", 0), "data")
            }
        case .file(let path):
            let code = curl_mime_filedata(handle, path)
            guard code == CURLE_OK else {
                throw HTTPError(.fileUnreadable, detail: "part \(part.name): cannot read \(path)")
            }
        }
        // Set after curl_mime_filedata, which defaults the file name to the path's last component.
        try check(curl_mime_filename(handle, part.filename), "filename")
        try check(curl_mime_type(handle, part.contentType), "type")
    }

    private func check(_ code: CURLcode, _ what: String) throws {
        guard code == CURLE_OK else {
            throw HTTPError(.internalError, detail: "curl_mime_\(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
