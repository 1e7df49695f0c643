import Foundation
import HTTP
import Synchronization
import Testing

@Suite("HTTPServer with many concurrent connections")
struct ConcurrencyTests {
    @Test func hundredConcurrentConnectionsAreAllAnswered() throws {
        let server = try makeEchoServer()
        defer { server.stop() }
        let (workers, clientsPerWorker) = (8, 13)
        let answered = Mutex(0)
        let failures = Mutex<[String]>([])
        let requestsDone = DispatchGroup()
        let workersDone = DispatchGroup()
        let release = DispatchSemaphore(value: 0)
        // Each worker thread opens 13 keep-alive connections and holds them until every worker has been
        // answered, so the server has all 104 connections open at once.
        for worker in 0..<workers {
            requestsDone.enter()
            workersDone.enter()
            Thread.detachNewThread {
                var clients: [HTTPClient] = []
                for index in 0..<clientsPerWorker {
                    do {
                        let client = try HTTPClient()
                        clients.append(client)
                        for round in 0..<2 {
                            let body = Data("worker \(worker) client \(index) round \(round)".utf8)
                            let response = try client.perform(
                                HTTPRequest(method: .post, url: server.baseURL + "/", body: .bytes(body)))
                            if response.status == 200 && response.body == body {
                                answered.withLock { $0 += 1 }
                            }
                        }
                    } catch {
                        failures.withLock { $0.append(String(describing: error)) }
                    }
                }
                requestsDone.leave()
                _ = release.wait(timeout: .now() + 30)
                clients.removeAll()
                workersDone.leave()
            }
        }
        let allAnswered = requestsDone.wait(timeout: .now() + 60) == .success
        let openAtOnce = server.openConnections
        for _ in 0..<workers {
            release.signal()
        }
        _ = workersDone.wait(timeout: .now() + 30)
        #expect(allAnswered)
        #expect(failures.withLock { $0 } == [])
        #expect(answered.withLock { $0 } == workers * clientsPerWorker * 2)
        #expect(server.acceptedConnections == workers * clientsPerWorker)
        #expect(openAtOnce == workers * clientsPerWorker)
    }
}
