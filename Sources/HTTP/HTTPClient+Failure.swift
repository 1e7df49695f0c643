import CCurl

extension HTTPClient {
    /// Turns a failed transfer into an `HTTPError`, deciding whether the server may have seen the request:
    /// libcurl records the pre-transfer time only once the connection (and TLS) is up and sending begins.
    func failure(_ code: CURLcode, host: String, overflowed: Bool) -> HTTPError {
        let sendingBegan = easy.info(offset: CURLINFO_PRETRANSFER_TIME_T) > 0 || easy.info(CURLINFO_REQUEST_SIZE) > 0
        let detail = "libcurl error \(code.rawValue): \(easy.message(for: code)) (host \(host))"
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return HTTPError(.hostNotFound, detail: detail)
        case CURLE_COULDNT_CONNECT:
            return HTTPError(.connectFailed, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPError(.timeout, requestMayHaveBeenSent: sendingBegan, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED:
            return HTTPError(.tlsFailure, detail: detail)
        case CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return HTTPError(.connectionDropped, requestMayHaveBeenSent: sendingBegan, detail: detail)
        case CURLE_SEND_ERROR:
            return HTTPError(.sendFailed, requestMayHaveBeenSent: sendingBegan, detail: detail)
        case CURLE_READ_ERROR:
            // A file part failed mid-upload: the body is short of its Content-Length, so it cannot be processed.
            return HTTPError(.fileUnreadable, detail: detail)
        case CURLE_WRITE_ERROR where overflowed:
            return HTTPError(.responseTooLarge, requestMayHaveBeenSent: true, detail: detail)
        case CURLE_URL_MALFORMAT:
            return HTTPError(.malformedURL, detail: detail)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return HTTPError(.unsupportedScheme, detail: detail)
        default:
            return HTTPError(.internalError, requestMayHaveBeenSent: sendingBegan, detail: detail)
        }
    }
}
