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
#include <openssl/rand.h>
#include <openssl/core_names.h>

// BIO_get_mem_data is a macro over BIO_ctrl: reads a memory BIO's buffer without copying it.
static inline long shim_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
// BIO_get_cipher_status is a macro: after reading a cipher BIO to the end, 1 if the final padding was good.
static inline long shim_BIO_get_cipher_status(BIO *b) { return BIO_get_cipher_status(b); }
// The sk_X509_* accessors are type-checking macros over OPENSSL_sk_*.
static inline STACK_OF(X509) *shim_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int shim_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int shim_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *shim_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
// Frees the stack only; the certificates in it stay owned by their Certificate objects.
static inline void shim_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }
// Frees the stack and every certificate in it (stacks handed to us by PKCS12_parse).
static inline void shim_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }
// OPENSSL_free is a macro adding file/line to CRYPTO_free.
static inline void shim_OPENSSL_free(void *p) { OPENSSL_free(p); }
// X509_NAME_print_ex flags: RFC 2253 order and escaping, but UTF-8 kept as is (not \XX-escaped) for æ, ø, å.
static inline unsigned long shim_XN_FLAG_RFC2253_UTF8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }
// sk_CMS_RecipientInfo_* are type-checking macros over OPENSSL_sk_*: to find a certificate's recipient entry.
static inline int shim_sk_CMS_RecipientInfo_num(STACK_OF(CMS_RecipientInfo) *sk) {
    return sk_CMS_RecipientInfo_num(sk);
}
static inline CMS_RecipientInfo *shim_sk_CMS_RecipientInfo_value(STACK_OF(CMS_RecipientInfo) *sk, int i) {
    return sk_CMS_RecipientInfo_value(sk, i);
}
