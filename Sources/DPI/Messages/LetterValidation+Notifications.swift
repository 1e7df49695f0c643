import Foundation

extension LetterValidation {
    /// Texts, addresses and repetitions as the schema limits them (spec 5.6, 14), and the 18-month rule for
    /// the contact information used (spec 4.6).
    func checkNotifications(_ letter: DigitalLetter, now: Date, _ findings: inout Findings) {
        if let email = letter.notifications.email {
            let field = "varsler.epostvarsel"
            let parts = email.address.split(separator: "@", omittingEmptySubsequences: false)
            findings.require(parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
                             && !email.address.contains(where: \.isWhitespace),
                             field + ".epostadresse", "e-mail address is not of the form name@domain")
            findings.requireLength(email.text, 1...500, field + ".varslingstekst", "e-mail notification text")
            checkRepetitions(email.repetitions, field: field + ".repetisjoner", &findings)
            checkContactAge(letter.emailContactVerifiedAt, now: now, field: field, "e-mail address", &findings)
        }
        if let sms = letter.notifications.sms {
            let field = "varsler.smsvarsel"
            let allowed = Set("+- _0123456789")
            findings.require((8...20).contains(sms.phoneNumber.count) && sms.phoneNumber.allSatisfy(allowed.contains)
                             && !sms.phoneNumber.dropFirst().contains("+"),
                             field + ".mobiltelefonnummer", "mobile number must be 8–20 characters of digits, "
                                + "spaces, - or _, optionally starting with +")
            findings.requireLength(sms.text, 1...160, field + ".varslingstekst", "SMS notification text")
            checkRepetitions(sms.repetitions, field: field + ".repetisjoner", &findings)
            checkContactAge(letter.mobileContactVerifiedAt, now: now, field: field, "mobile number", &findings)
        }
    }

    /// 1–10 unique days 0–25 after the effective date (0 = the same day).
    private func checkRepetitions(_ days: [Int], field: String, _ findings: inout Findings) {
        findings.require((1...10).contains(days.count), field,
                         "notification needs 1–10 repetition days, has \(days.count)")
        findings.require(days.allSatisfy { (0...25).contains($0) }, field,
                         "repetition days count from the effective date and must be 0–25")
        findings.require(Set(days).count == days.count, field, "repetition days must be unique")
    }

    /// Only letters with notifications get here, so most letters skip the calendar arithmetic.
    private func checkContactAge(_ verified: Date?, now: Date, field: String, _ name: String,
                                 _ findings: inout Findings) {
        guard let verified else {
            findings.require(false, field, "\(name) has no KRR update date; the 18-month rule cannot be checked")
            return
        }
        let oldest = Calendar(identifier: .gregorian)
            .date(byAdding: .month, value: -limits.notificationContactMaximumMonths, to: now) ?? now
        findings.require(verified >= oldest, field, "\(name) was last updated or verified in KRR more than "
            + "\(limits.notificationContactMaximumMonths) months ago and must not be used (18-month rule)")
    }
}
