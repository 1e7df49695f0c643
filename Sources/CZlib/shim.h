// zlib (CRC-32 and deflate for the ZIP writer). Plain functions; no wrappers needed.
#include <zlib.h>
