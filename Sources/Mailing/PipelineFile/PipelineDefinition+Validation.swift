import DPI
import Foundation

extension PipelineDefinition {
    /// Checks every rule of `pipelines/README.md`, adding each broken one to `problems`.
    func validate(now: Date, into problems: inout ProblemList) {
        problems.require(!name.trimmingCharacters(in: .whitespaces).isEmpty, "name", "required")
        problems.require(name.count <= 200, "name", "must have at most 200 characters")
        checkSender(&problems)
        let documents = checkDocuments(&problems)
        checkLetter(documents: documents, now: now, &problems)
        checkPrint(documents: documents, &problems)
        problems.require(throughput.messagesPerSecond > 0 && throughput.messagesPerSecond.isFinite,
                         "throughput.messagesPerSecond", "must be > 0")
        problems.require(throughput.maxInFlight >= 1, "throughput.maxInFlight", "must be at least 1")
        problems.require(throughput.buildWorkers >= 0, "throughput.buildWorkers", "must be 0 (one per core) or more")
        if let window = schedule.sendWindow {
            problems.require(window.fromMinute < window.toMinute, "schedule.sendWindow.to",
                             "must be later than schedule.sendWindow.from (windows across midnight are not supported)")
            problems.require(!window.days.isEmpty, "schedule.sendWindow.days", "must list at least one day")
        }
    }

    private func checkSender(_ problems: inout ProblemList) {
        Self.checkOrganisation(sender.orgno, field: "sender.orgno", required: true, &problems)
        if let onBehalfOf = sender.onBehalfOf {
            Self.checkOrganisation(onBehalfOf, field: "sender.onBehalfOf", required: true, &problems)
            problems.require(onBehalfOf != sender.orgno, "sender.onBehalfOf",
                             "must differ from sender.orgno (leave it null when sending for yourself)")
        }
    }

    private static func checkOrganisation(_ text: String, field: String, required: Bool,
                                          _ problems: inout ProblemList) {
        guard !text.isEmpty else {
            problems.add(field, "required")
            return
        }
        do {
            _ = try OrganisationNumber(text)
        } catch {
            let message = (error as? DPIError)?.message ?? ""
            let rule = message.hasPrefix("organisation number ") ? message.dropFirst(20) : Substring(message)
            problems.add(field, "\(text) is not a valid organisation number: \(rule)")
        }
    }

    /// Checks the files of `letter.document` and the attachments and describes them for the DPI
    /// document rules; the main document comes first (a stand-in when it is per recipient).
    private func checkDocuments(_ problems: inout ProblemList) -> [LetterDocument] {
        var documents: [LetterDocument] = []
        if let path = letter.document {
            documents.append(describe(path, field: "letter.document", explicitType: nil, title: letter.title,
                                      &problems))
        } else {
            documents.append(LetterDocument(fileName: "document.pdf", mimeType: "application/pdf",
                                            title: letter.title, byteCount: 1))
        }
        for (index, attachment) in letter.attachments.enumerated() {
            let field = "letter.attachments[\(index)]"
            problems.require(!attachment.title.isEmpty, field + ".title", "required")
            if let type = attachment.mimeType {
                problems.require(DocumentTypes.digital.contains(type), field + ".mimeType",
                                 "\(type) is not a MIME type DPI accepts (spec 7.5)")
            }
            documents.append(describe(attachment.document, field: field + ".document",
                                      explicitType: attachment.mimeType, title: attachment.title, &problems))
        }
        return documents
    }

    private func describe(_ path: String, field: String, explicitType: String?, title: String,
                          _ problems: inout ProblemList) -> LetterDocument {
        guard !path.isEmpty else {
            problems.add(field, "required")
            return LetterDocument(fileName: "document.pdf", mimeType: "application/pdf", title: title, byteCount: 1)
        }
        let url = resolve(path)
        if let problem = DocumentFileType.problem(with: url, typeGiven: explicitType != nil) {
            problems.add(field, problem)
        }
        // A stand-in type for an unsupported extension, already reported, keeps the DPI rules from repeating it.
        let mimeType = explicitType ?? DocumentFileType.mimeType(of: url) ?? "application/pdf"
        let size = DocumentFile.byteCount(of: url) ?? 1
        return LetterDocument(fileName: url.lastPathComponent, mimeType: mimeType, title: title, byteCount: size)
    }
}
