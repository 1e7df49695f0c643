import Foundation

extension ZIPWriter {
    /// What the writer remembers of each entry for its central directory record.
    struct Record {
        /// An entry's validated name and comment bytes.
        struct Entry {
            let name: [UInt8]
            let comment: [UInt8]
        }

        let entry: Entry
        let method: ZIPMethod
        /// Content was streamed: CRC and sizes come after it in a data descriptor.
        let streamed: Bool
        let offset: UInt64
        var crc32: UInt32 = 0
        var compressedSize: UInt64 = 0
        var uncompressedSize: UInt64 = 0
        var zip64InLocalHeader = false

        private var flags: UInt16 { ZIPFlag.utf8 | (streamed ? ZIPFlag.dataDescriptor : 0) }

        /// 1.0 for plain stored entries, 2.0 for deflate or data descriptors (spec 7.1), 4.5 for ZIP64.
        private func versionNeeded(zip64: Bool) -> UInt16 {
            zip64 ? 45 : (method == .stored && !streamed ? 10 : 20)
        }

        /// The local file header (APPNOTE 4.3.7), with a ZIP64 extra field only when asked for.
        func localHeader(modified: ZIPTimestamp) -> [UInt8] {
            var header = ZIPRecordBuffer(signature: ZIPSignature.localHeader, capacity: 30 + 20 + entry.name.count)
            header.u16(versionNeeded(zip64: zip64InLocalHeader))
            header.u16(flags)
            header.u16(method.rawValue)
            header.u16(modified.dosTime)
            header.u16(modified.dosDate)
            header.u32(streamed ? 0 : crc32)
            let sizes = streamed ? (UInt64(0), UInt64(0)) : (compressedSize, uncompressedSize)
            header.u32(zip64InLocalHeader ? ZIPSignature.overflow32 : UInt32(sizes.0))
            header.u32(zip64InLocalHeader ? ZIPSignature.overflow32 : UInt32(sizes.1))
            header.u16(UInt16(entry.name.count))
            header.u16(zip64InLocalHeader ? 20 : 0)
            header.append(entry.name)
            if zip64InLocalHeader {
                header.append(Self.zip64Extra([sizes.1, sizes.0]))
            }
            return header.bytes
        }

        /// The data descriptor after streamed content (APPNOTE 4.3.9), with 8-byte sizes under ZIP64.
        func dataDescriptor() -> [UInt8] {
            var descriptor = ZIPRecordBuffer(signature: ZIPSignature.dataDescriptor)
            descriptor.u32(crc32)
            if zip64InLocalHeader || max(compressedSize, uncompressedSize) >= UInt64(UInt32.max) {
                descriptor.u64(compressedSize)
                descriptor.u64(uncompressedSize)
            } else {
                descriptor.u32(UInt32(compressedSize))
                descriptor.u32(UInt32(uncompressedSize))
            }
            return descriptor.bytes
        }

        /// The central directory header (APPNOTE 4.3.12); values that do not fit 32 bits (or all, when
        /// `forceZIP64`) move to a ZIP64 extra field in the order the format fixes.
        func centralHeader(modified: ZIPTimestamp, forceZIP64: Bool) -> [UInt8] {
            func overflows(_ value: UInt64) -> Bool { forceZIP64 || value >= UInt64(UInt32.max) }
            func stored(_ value: UInt64) -> UInt32 { overflows(value) ? ZIPSignature.overflow32 : UInt32(value) }
            // In the order the extra field fixes; built only when needed, as most packages never need it.
            let extraValues = overflows(uncompressedSize) || overflows(compressedSize) || overflows(offset)
                ? [uncompressedSize, compressedSize, offset].filter(overflows) : []
            let zip64 = zip64InLocalHeader || !extraValues.isEmpty
            var header = ZIPRecordBuffer(signature: ZIPSignature.centralHeader,
                                         capacity: 46 + 28 + entry.name.count + entry.comment.count)
            // Made by a Unix host: the reference says MS-DOS, but then Info-ZIP unzip reads names as an
            // OEM code page despite the UTF-8 flag and mangles non-ASCII names.
            header.u16(Self.unixHost | versionNeeded(zip64: zip64))
            header.u16(versionNeeded(zip64: zip64))
            header.u16(flags)
            header.u16(method.rawValue)
            header.u16(modified.dosTime)
            header.u16(modified.dosDate)
            header.u32(crc32)
            header.u32(stored(compressedSize))
            header.u32(stored(uncompressedSize))
            header.u16(UInt16(entry.name.count))
            header.u16(extraValues.isEmpty ? 0 : UInt16(4 + 8 * extraValues.count))
            header.u16(UInt16(entry.comment.count))
            header.u16(0)  // disk number start
            header.u16(0)  // internal attributes
            header.u32(Self.unixMode(isDirectory: entry.name.last == UInt8(ascii: "/")))
            header.u32(stored(offset))
            header.append(entry.name)
            if !extraValues.isEmpty {
                header.append(Self.zip64Extra(extraValues))
            }
            header.append(entry.comment)
            return header.bytes
        }

        private static let unixHost: UInt16 = 3 << 8

        /// External attributes for a Unix host: the file mode in the high 16 bits (rw-r--r-- files,
        /// rwxr-xr-x folders), plus the MS-DOS directory bit for folders.
        private static func unixMode(isDirectory: Bool) -> UInt32 {
            isDirectory ? 0o040755 << 16 | 0x10 : 0o100644 << 16
        }

        private static func zip64Extra(_ values: [UInt64]) -> [UInt8] {
            var extra = ZIPRecordBuffer()
            extra.u16(ZIPSignature.zip64Extra)
            extra.u16(UInt16(8 * values.count))
            values.forEach { extra.u64($0) }
            return extra.bytes
        }
    }

    /// The end of central directory record (APPNOTE 4.3.16), preceded by the ZIP64 end record and
    /// locator (4.3.14, 4.3.15) when the count, size or offset does not fit, or ZIP64 is forced.
    func endRecords(directoryOffset: UInt64, comment: [UInt8]) -> [UInt8] {
        let count = UInt64(records.count), size = bytesWritten - directoryOffset
        let force = zip64Mode == .always
        let zip64 = force || count >= UInt64(UInt16.max) || max(size, directoryOffset) >= UInt64(UInt32.max)
        var bytes: [UInt8] = []
        if zip64 {
            var end64 = ZIPRecordBuffer(signature: ZIPSignature.zip64End)
            end64.u64(44)  // size of the rest of this record
            end64.u16(45)
            end64.u16(45)
            end64.u32(0)
            end64.u32(0)
            end64.u64(count)
            end64.u64(count)
            end64.u64(size)
            end64.u64(directoryOffset)
            var locator = ZIPRecordBuffer(signature: ZIPSignature.zip64Locator)
            locator.u32(0)
            locator.u64(bytesWritten)
            locator.u32(1)
            bytes.append(contentsOf: end64.bytes)
            bytes.append(contentsOf: locator.bytes)
        }
        let shortCount = force || count >= UInt64(UInt16.max) ? ZIPSignature.overflow16 : UInt16(count)
        var end = ZIPRecordBuffer(signature: ZIPSignature.end)
        end.u16(0)
        end.u16(0)
        end.u16(shortCount)
        end.u16(shortCount)
        end.u32(force || size >= UInt64(UInt32.max) ? ZIPSignature.overflow32 : UInt32(size))
        end.u32(force || directoryOffset >= UInt64(UInt32.max) ? ZIPSignature.overflow32 : UInt32(directoryOffset))
        end.u16(UInt16(comment.count))
        end.append(comment)
        bytes.append(contentsOf: end.bytes)
        return bytes
    }
}
