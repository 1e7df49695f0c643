extension DPIError.Code {
    /// The archive ends before a record or entry it declares: a partial download or a cut file.
    public static let zipTruncated = DPIError.Code("zip truncated")
    /// A ZIP record has a wrong signature or contradicts another record (offsets, lengths, names).
    public static let zipMalformed = DPIError.Code("zip malformed")
    /// An entry's content does not match the CRC-32 recorded for it.
    public static let zipChecksumMismatch = DPIError.Code("zip checksum mismatch")
    /// An entry's content does not have the size recorded for it.
    public static let zipSizeMismatch = DPIError.Code("zip size mismatch")
    /// An entry uses a compression method other than stored (0) or deflate (8).
    public static let zipUnsupportedMethod = DPIError.Code("zip unsupported method")
    /// An entry is encrypted; ASiC-E entries never are (the whole package is CMS-encrypted instead).
    public static let zipEncryptedEntry = DPIError.Code("zip encrypted entry")
    /// An entry name is empty, not UTF-8, absolute, or climbs out of the archive with `..`.
    public static let zipUnsafeName = DPIError.Code("zip unsafe name")
    /// Two entries have the same name.
    public static let zipDuplicateName = DPIError.Code("zip duplicate name")
    /// An entry or the archive exceeds a configured limit (size, entry count).
    public static let zipLimitExceeded = DPIError.Code("zip limit exceeded")
    /// The archive has no entry with the requested name.
    public static let zipMissingEntry = DPIError.Code("zip missing entry")
    /// The writer was used wrongly (invalid option, entry after `finish()`): a programmer error.
    public static let zipWriterMisuse = DPIError.Code("zip writer misuse")
    /// The writer's output or a streamed input file failed (disk full, unreadable file).
    public static let zipIOFailure = DPIError.Code("zip io failure")
    /// zlib reported an internal failure (out of memory, corrupt stream state).
    public static let zipCompressionFailure = DPIError.Code("zip compression failure")
}
