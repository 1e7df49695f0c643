import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The accept loop of an `HTTPServer` and the set of open connections, each served on its own thread.
/// Sockets are only shut down or closed while holding `state`, so `stop()` never touches a descriptor
/// number that a finished connection has already given back to the system.
final class ServerListener: Sendable {
    private struct State {
        var stopped = false
        var listenerClosed = false
        var open: Set<Int32> = []
        var accepted = 0
    }

    private let socket: Int32
    private let configuration: HTTPServer.Configuration
    private let handler: HTTPServer.Handler
    private let state = Mutex(State())
    private let running = DispatchGroup()

    init(socket: Int32, configuration: HTTPServer.Configuration, handler: @escaping HTTPServer.Handler) {
        self.socket = socket
        self.configuration = configuration
        self.handler = handler
    }

    var acceptedConnections: Int {
        state.withLock { $0.accepted }
    }

    var openConnections: Int {
        state.withLock { $0.open.count }
    }

    func start() {
        running.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            running.leave()
        }
    }

    func stop() {
        let stoppedNow = state.withLock { state in
            guard !state.stopped else { return false }
            state.stopped = true
            // shutdown() wakes the thread blocked in accept() or read(); the owners then close.
            if !state.listenerClosed {
                shutdown(socket, Int32(SHUT_RDWR))
            }
            for connection in state.open {
                shutdown(connection, Int32(SHUT_RDWR))
            }
            return true
        }
        if stoppedNow {
            _ = running.wait(timeout: .now() + 5)
        }
    }

    private func acceptLoop() {
        defer {
            state.withLock { state in
                close(socket)
                state.listenerClosed = true
            }
        }
        while true {
            let connection = accept(socket, nil, nil)
            guard connection >= 0 else {
                let error = errno
                if state.withLock({ $0.stopped }) { return }
                switch error {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    usleep(10_000)  // out of descriptors or memory: back off instead of spinning
                    continue
                default:
                    return
                }
            }
            let admitted = state.withLock { state in
                guard !state.stopped else { return false }
                state.open.insert(connection)
                state.accepted += 1
                return true
            }
            guard admitted else {
                close(connection)
                return
            }
            serve(connection)
        }
    }

    private func serve(_ connection: Int32) {
        ServerSocket.configure(connection: connection, idleTimeout: configuration.idleTimeout)
        running.enter()
        Thread.detachNewThread { [self] in
            ServerConnection(socket: connection, configuration: configuration, handler: handler).serve()
            state.withLock { state in
                state.open.remove(connection)
                close(connection)
            }
            running.leave()
        }
    }
}
