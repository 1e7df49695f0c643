import Foundation
internal import COpenSSL

/// Reading names, serial number and validity out of an `X509` into Swift values, once, at parse time.
extension Certificate {
    /// RFC 2253 text of a name (`X509_NAME *`), UTF-8 kept as is.
    static func string(of name: OpaquePointer?) throws -> String {
        guard let name else { return "" }
        return try MemoryBIO.text { bio in
            guard X509_NAME_print_ex(bio, name, 0, shim_XN_FLAG_RFC2253_UTF8()) >= 0 else {
                throw PKIError.openSSL(.malformedCertificate, "the certificate's name cannot be printed")
            }
        }
    }

    /// The subject of a certificate we do not own (the one a chain check failed on), for error details.
    static func subjectText(of x509: OpaquePointer) -> String {
        (try? string(of: X509_get_subject_name(x509))) ?? "(unprintable subject)"
    }

    /// The serial number as decimal text and as its content bytes.
    static func serial(of x509: OpaquePointer) throws -> (decimal: String, bytes: Data) {
        guard let serial = X509_get0_serialNumber(x509), let number = ASN1_INTEGER_to_BN(serial, nil) else {
            throw PKIError.openSSL(.malformedCertificate, "the certificate's serial number is unreadable")
        }
        defer { BN_free(number) }
        guard let text = BN_bn2dec(number) else {
            throw PKIError.openSSL(.openSSLFailure, "the serial number cannot be printed")
        }
        defer { shim_OPENSSL_free(text) }
        let bytes = Data(bytes: ASN1_STRING_get0_data(serial), count: Int(ASN1_STRING_length(serial)))
        return (String(cString: text), bytes)
    }

    /// An `ASN1_TIME` (UTCTime or GeneralizedTime, always UTC in certificates) as a `Date`.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) throws -> Date {
        var fields = tm()
        guard let time, ASN1_TIME_to_tm(time, &fields) == 1 else {
            throw PKIError.openSSL(.malformedCertificate, "the certificate's validity dates are unreadable")
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    /// The organisation number of an enterprise certificate's subject (spec section 2.1): newer (SEID 2)
    /// certificates put `NTRNO-<9 digits>` in organizationIdentifier (2.5.4.97), older (SEID 1) ones
    /// the 9 digits in serialNumber (2.5.4.5). organizationIdentifier wins when both are there.
    static func organisationNumber(in name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        for value in entries(of: NID_organizationIdentifier, in: name) where value.hasPrefix("NTRNO-") {
            let number = String(value.dropFirst("NTRNO-".count))
            if isOrganisationNumber(number) { return number }
        }
        return entries(of: NID_serialNumber, in: name).first(where: isOrganisationNumber)
    }

    private static func isOrganisationNumber(_ text: String) -> Bool {
        text.utf8.count == 9 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The UTF-8 values of every entry with the given NID in a name.
    private static func entries(of nid: Int32, in name: OpaquePointer) -> [String] {
        var values: [String] = []
        var index = X509_NAME_get_index_by_NID(name, nid, -1)
        while index >= 0 {
            if let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) {
                var utf8: UnsafeMutablePointer<UInt8>?
                let count = ASN1_STRING_to_UTF8(&utf8, data)
                if count >= 0, let utf8 {
                    values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(count)), as: UTF8.self))
                    shim_OPENSSL_free(utf8)
                }
            }
            index = X509_NAME_get_index_by_NID(name, nid, index)
        }
        return values
    }
}
