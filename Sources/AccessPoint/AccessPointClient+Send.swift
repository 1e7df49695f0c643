public import Foundation
import HTTP

extension AccessPointClient {
    /// `POST /messages/out?kanal=...` with the parts `forretningsmelding` (`application/jwt`, `sbd.jwt`: the
    /// signed business message `jwt`, embedding `token`) and then `dokumentpakke` (`application/cms`, `asic.cms`:
    /// the encrypted package `cms`), as the reference client sends them (spec 10.2). Never throws: every result is
    /// a `SendOutcome`, classified by the table there.
    public func send(jwt: String, cms: Data, token: String) -> SendOutcome {
        send(jwt: jwt, package: .data(cms), token: token)
    }

    /// Like `send(jwt:cms:token:)`, streaming the package from the file at `cmsFile` instead of memory, so large
    /// packages never sit in memory whole. A file that cannot be read gives `failed` with disposition `.reject`.
    public func send(jwt: String, cmsFile: String, token: String) -> SendOutcome {
        send(jwt: jwt, package: .file(path: cmsFile), token: token)
    }

    private func send(jwt: String, package: MultipartPart.Content, token: String) -> SendOutcome {
        let parts = [
            MultipartPart(name: "forretningsmelding", filename: "sbd.jwt", contentType: "application/jwt",
                          content: .data(Data(jwt.utf8))),
            MultipartPart(name: "dokumentpakke", filename: "asic.cms", contentType: "application/cms",
                          content: package),
        ]
        do {
            let (response, onNewConnection) = try exchange(
                .post, "/messages/out", query: kanal.map { [("kanal", $0)] } ?? [], token: token,
                body: .multipart(parts))
            return SendOutcome(response: response, onNewConnection: onNewConnection)
        } catch let error as HTTPError {
            return SendOutcome(error: error)
        } catch {
            return .failed(AccessPointError(.transport, "the send failed unexpectedly", details: "\(error)",
                                            disposition: .abort))
        }
    }
}
