import AccessPoint
import DPI
import Foundation
import HTTP
import Simulator
import TestSupport
import Testing

/// Sends to the simulated access point: accepted, rejected with its problem, and refused tokens (spec 10.2).
@Suite("Access point client: send")
struct SendTests {
    @Test("a valid letter is accepted and the access point stores it once for its recipient")
    func accepted() throws {
        let simulation = try AccessPointSimulation()
        let (_, outcome) = try simulation.sendLetter(with: simulation.client(), token: simulation.token())
        #expect(outcome == .accepted)
        #expect(outcome.mayHaveBeenStored)
        let report = simulation.accessPoint.report
        #expect(report.accepted == 1)
        #expect(report.deliveredPerRecipient.values.reduce(0, +) == 1)
    }

    @Test("the package can be streamed from a file; a missing file fails as this letter's problem, not sent")
    func packageFile() throws {
        let simulation = try AccessPointSimulation()
        let token = try simulation.token()
        let letter = try simulation.letter(token: token)
        let client = try simulation.client()
        let missing = try TemporaryDirectory.with { folder in
            let file = folder.appendingPathComponent("asic.cms")
            try letter.cms.write(to: file)
            #expect(client.send(jwt: letter.jwt, cmsFile: file.path, token: token) == .accepted)
            return client.send(jwt: letter.jwt, cmsFile: folder.appendingPathComponent("gone").path, token: token)
        }
        guard case .failed(let error) = missing else {
            Issue.record("a missing package file must fail, got \(missing.summary)")
            return
        }
        #expect(error.disposition == .reject)
        #expect(!missing.mayHaveBeenStored)
        #expect(simulation.accessPoint.report.accepted == 1)
    }

    @Test("a second send of the same message id over the kept-alive connection is rejected: message-id-reused")
    func reusedMessageId() throws {
        let simulation = try AccessPointSimulation()
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .accepted)
        let again = client.send(jwt: letter.jwt, cms: letter.cms, token: token)
        guard case .rejected(let problem) = again else {
            Issue.record("a reused message id must be rejected, got \(again.summary)")
            return
        }
        #expect(problem.status == 400)
        #expect(problem.type?.hasSuffix("message-id-reused") == true)
        #expect(again.disposition == .reject)
        #expect(simulation.accessPoint.report.duplicateAttempts == 1)
    }

    @Test("a 409 for a reused id (a configurable status) is a rejection too")
    func conflict() throws {
        let simulation = try AccessPointSimulation(duplicateStatus: 409)
        let (token, client) = (try simulation.token(), try simulation.client())
        let (letter, outcome) = try simulation.sendLetter(with: client, token: token)
        #expect(outcome == .accepted)
        guard case .rejected(let problem) = client.send(jwt: letter.jwt, cms: letter.cms, token: token) else {
            Issue.record("a 409 must be a rejection")
            return
        }
        #expect(problem.status == 409)
    }

    @Test("a 400 carries the problem whose detail names the broken rule; nothing is stored")
    func validationProblem() throws {
        let simulation = try AccessPointSimulation()
        let token = try simulation.token()
        let letter = try simulation.letter(token: token)
        let outcome = try simulation.client().send(jwt: letter.jwt, cms: Data("not a CMS".utf8), token: token)
        guard case .rejected(let problem) = outcome else {
            Issue.record("a broken package must be rejected, got \(outcome.summary)")
            return
        }
        #expect(problem.status == 400)
        let rule = try #require(problem.type?.split(separator: ":").last)
        #expect(problem.detail?.hasPrefix(rule + ": ") == true)
        #expect(outcome.summary.hasPrefix("rejected: 400 Bad Request"))
        #expect(simulation.accessPoint.report.accepted == 0)
    }

    @Test("a bogus bearer token is unauthorized, with the problem")
    func unauthorized() throws {
        let simulation = try AccessPointSimulation()
        let letter = try simulation.letter(token: simulation.token())
        let outcome = try simulation.client().send(jwt: letter.jwt, cms: letter.cms, token: "not.a.token")
        guard case .unauthorized(let problem) = outcome else {
            Issue.record("a bogus token must be unauthorized, got \(outcome.summary)")
            return
        }
        #expect(problem?.status == 401)
        #expect(outcome.disposition == .retry)
        #expect(simulation.accessPoint.report.rejected["unauthorized"] == 1)
    }

    @Test("a valid token without digitalpostinnbygger:send is forbidden: stop the job")
    func forbidden() throws {
        let simulation = try AccessPointSimulation()
        let token = try simulation.token(scope: AccessPointSimulation.contactScope)
        let (_, outcome) = try simulation.sendLetter(with: simulation.client(), token: token)
        guard case .forbidden(let problem) = outcome else {
            Issue.record("a token without the scope must be forbidden, got \(outcome.summary)")
            return
        }
        #expect(problem?.status == 403)
        #expect(outcome.disposition == .abort)
    }
}
