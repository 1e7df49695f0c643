import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a letter's lease: `host/pid/nonce`. The nonce keeps two runs of one pid apart; host and pid let
/// a process on the same host see at once that the holder is dead and take its letters over, instead of
/// waiting for the lease to expire (processes on other hosts wait for expiry).
public struct LeaseOwner: Sendable, Hashable, CustomStringConvertible {
    /// The value stored in `dpi.delivery.lease_owner`.
    public let id: String

    /// The owner identity of this process, with a fresh nonce.
    public static func current() -> LeaseOwner {
        let nonce = UUID().uuidString.prefix(8).lowercased()
        return LeaseOwner(id: "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(nonce)")
    }

    /// An owner read back from the database.
    public init(id: String) {
        self.id = id
    }

    /// The host part of the id.
    public var host: String {
        String(id.split(separator: "/", omittingEmptySubsequences: false).first ?? "")
    }

    /// The process id part, if the id has one.
    public var pid: Int32? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 ? Int32(parts[1]) : nil
    }

    /// True when the owner ran on this host and its process no longer exists, so its leases can be taken
    /// over now. False whenever that cannot be known for sure (another host, a live or unreadable pid).
    public var isDeadProcessOnThisHost: Bool {
        guard host == ProcessInfo.processInfo.hostName, let pid, pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    public var description: String { id }
}
