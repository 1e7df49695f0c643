// OpenSSL 3 for the PKI module. Function-like macros are not imported by Swift, so each one
// used is wrapped here as a prefixed static inline function.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pkcs12.h>
#include <openssl/cms.h>
#include <openssl/rsa.h>
#include <openssl/bio.h>
