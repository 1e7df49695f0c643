// zlib (CRC-32, raw deflate and inflate for the ZIP writer and reader).
#include <zlib.h>

// deflateInit2 is a macro (it passes ZLIB_VERSION and sizeof(z_stream)); raw deflate, window 2^15, memLevel 8.
static inline int shim_deflateInit2_raw(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

// inflateInit2 is a macro too; raw inflate (no zlib/gzip header), as ZIP stores deflate data.
static inline int shim_inflateInit2_raw(z_streamp strm) {
    return inflateInit2(strm, -15);
}
