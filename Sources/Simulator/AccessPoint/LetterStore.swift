import Foundation
import Synchronization

/// The access point's memory: accepted letters by message id, the receipts queued for their senders,
/// and the report counters, all behind one lock (requests arrive on many connection threads).
final class LetterStore: Sendable {
    /// A receipt waiting in a sender's queue; signed when it first becomes visible.
    struct QueuedReceipt: Sendable {
        let id: String
        let letterId: String
        let kind: ReceiptKind
        let due: Date
        let sequence: Int
        let copies: Int
        var reads = 0
        var jwt: String?
    }

    /// Which queued receipts a caller sees.
    struct InboxFilter {
        /// The caller's organisations (token consumer and supplier).
        let owners: Set<String>
        /// Only receipts of letters sent with this channel (lower-cased); nil for every channel.
        let kanal: String?
        /// Only receipts of letters sent with this avsenderidentifikator; nil for letters sent without one.
        let senderIdentifier: String?
    }

    private struct State {
        var letters: [String: StoredLetter] = [:]
        var receipts: [String: QueuedReceipt] = [:]
        var nextSequence = 0
        var report = AccessPointReport()
        /// Every queued receipt by visibility (due, then sequence), read ones pruned from the front as pages are
        /// asked for; sorted again only after receipts were added, so a page costs what it returns rather than a
        /// sort of the whole queue (which made a 50,000-receipt backlog crawl).
        var order: [(due: Date, sequence: Int, id: String)] = []
        var orderIsSorted = true
    }

    private let state = Mutex(State())

    /// Stores `letter` and queues its `receipts`; returns how many letters are accepted now, this one included,
    /// or nil (and a duplicate attempt counted) when its id is taken.
    func store(_ letter: StoredLetter, receipts: [PlannedReceipt]) -> Int? {
        state.withLock { state in
            guard state.letters[letter.messageId] == nil else {
                state.report.duplicateAttempts += 1
                return nil
            }
            state.letters[letter.messageId] = letter
            state.report.accepted += 1
            state.report.deliveredPerRecipient[letter.recipientKey, default: 0] += 1
            for planned in receipts {
                let id = UUID().uuidString.lowercased()
                state.receipts[id] = QueuedReceipt(id: id, letterId: letter.messageId, kind: planned.kind,
                                                   due: planned.due, sequence: state.nextSequence,
                                                   copies: planned.copies)
                state.order.append((planned.due, state.nextSequence, id))
                state.orderIsSorted = false
                state.nextSequence += 1
            }
            return state.report.accepted
        }
    }

    /// A receipt signed ahead of time (`AccessPointSimulator.inject(_:)`).
    struct SignedReceipt: Sendable {
        let id: String
        let kind: ReceiptKind
        let jwt: String
        let copies: Int
    }

    /// Stores an injected letter and queues its signed `receipts`, visible at the letter's acceptance time and
    /// in the order given. The letter does not count as accepted: it was never sent.
    func inject(_ letter: StoredLetter, receipts: [SignedReceipt]) {
        state.withLock { state in
            state.letters[letter.messageId] = letter
            for receipt in receipts {
                state.receipts[receipt.id] = QueuedReceipt(
                    id: receipt.id, letterId: letter.messageId, kind: receipt.kind, due: letter.acceptedAt,
                    sequence: state.nextSequence, copies: receipt.copies, jwt: receipt.jwt)
                state.order.append((letter.acceptedAt, state.nextSequence, receipt.id))
                state.orderIsSorted = false
                state.nextSequence += 1
                state.report.receiptsIssued += receipt.copies
            }
        }
    }

    /// The stored letter with `messageId`, or nil.
    func letter(_ messageId: String) -> StoredLetter? {
        state.withLock { $0.letters[messageId] }
    }

    /// Changes the report (counting a rejection, a 429, ...).
    func count(_ change: (inout AccessPointReport) -> Void) {
        state.withLock { change(&$0.report) }
    }

    /// A copy of the report.
    var report: AccessPointReport {
        state.withLock { $0.report }
    }

    /// One page of the unread receipts visible to `filter` at `now`, oldest first, one entry per unread copy.
    /// Only the receipts on the page are signed (with `sign`; nil leaves one hidden), so the first poll after
    /// a large batch costs one page of signatures, not one per due receipt.
    func inbox(_ filter: InboxFilter, now: Date, page: Int, pageSize: Int,
               sign: (QueuedReceipt, StoredLetter) -> String?) -> [(id: String, jwt: String)] {
        state.withLock { state in
            if !state.orderIsSorted {
                state.order.sort { ($0.due, $0.sequence) < ($1.due, $1.sequence) }
                state.orderIsSorted = true
            }
            let receipts = state.receipts
            state.order.removeFirst(state.order.prefix { receipts[$0.id] == nil }.count)
            var copies: [String] = []
            for entry in state.order {
                guard entry.due <= now else { break }
                guard let receipt = state.receipts[entry.id], let letter = state.letters[receipt.letterId],
                      Self.matches(letter, filter) else { continue }
                copies.append(contentsOf: repeatElement(entry.id, count: receipt.copies - receipt.reads))
                if copies.count >= (page + 1) * pageSize { break }
            }
            var entries: [(id: String, jwt: String)] = []
            for id in copies.dropFirst(page * pageSize).prefix(pageSize) {
                guard var receipt = state.receipts[id], let letter = state.letters[receipt.letterId] else { continue }
                if receipt.jwt == nil {
                    guard let jwt = sign(receipt, letter) else { continue }
                    receipt.jwt = jwt
                    state.receipts[id] = receipt
                    state.report.receiptsIssued += receipt.copies
                }
                entries.append((id, receipt.jwt ?? ""))
            }
            return entries
        }
    }

    /// Acknowledges one copy of receipt `id` if `owners` may see it and it is visible at `now`; false when
    /// there is no such unread receipt. A fully read receipt is forgotten.
    func markRead(_ id: String, owners: Set<String>, now: Date) -> Bool {
        state.withLock { state in
            guard var receipt = state.receipts[id], receipt.jwt != nil, receipt.due <= now,
                  let letter = state.letters[receipt.letterId], !letter.owners.isDisjoint(with: owners) else {
                return false
            }
            receipt.reads += 1
            state.receipts[id] = receipt.reads < receipt.copies ? receipt : nil
            state.report.receiptsRead += 1
            return true
        }
    }

    private static func matches(_ letter: StoredLetter, _ filter: InboxFilter) -> Bool {
        !letter.owners.isDisjoint(with: filter.owners)
            && (filter.kanal == nil || letter.kanal == filter.kanal)
            && letter.senderIdentifier == filter.senderIdentifier
    }
}
