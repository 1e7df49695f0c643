// libcurl for the HTTP module. curl_easy_setopt/getinfo are variadic, which Swift cannot call,
// so typed wrappers live here.
#include <curl/curl.h>

/// Signature shared by CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION, named so Swift can build one.
typedef size_t (*shim_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);

/// curl_easy_setopt is variadic: one typed wrapper per argument type (long).
static inline CURLcode shim_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
/// curl_easy_setopt is variadic: typed wrapper for curl_off_t options (*_LARGE).
static inline CURLcode shim_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
/// curl_easy_setopt is variadic: typed wrapper for string options (curl copies the string).
static inline CURLcode shim_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
/// curl_easy_setopt is variadic: typed wrapper for pointer options (WRITEDATA, ERRORBUFFER, ...).
static inline CURLcode shim_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
/// curl_easy_setopt is variadic: typed wrapper for header lists (CURLOPT_HTTPHEADER).
static inline CURLcode shim_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) {
    return curl_easy_setopt(h, o, v);
}
/// curl_easy_setopt is variadic: typed wrapper for CURLOPT_MIMEPOST.
static inline CURLcode shim_curl_setopt_mime(CURL *h, curl_mime *m) { return curl_easy_setopt(h, CURLOPT_MIMEPOST, m); }
/// curl_easy_setopt is variadic: typed wrapper for the body and header callbacks.
static inline CURLcode shim_curl_setopt_data_cb(CURL *h, CURLoption o, shim_curl_data_cb cb) {
    return curl_easy_setopt(h, o, cb);
}
/// curl_easy_getinfo is variadic: typed wrapper for long results (response code, connection counts).
static inline CURLcode shim_curl_getinfo_long(CURL *h, CURLINFO i, long *out) { return curl_easy_getinfo(h, i, out); }
/// curl_easy_getinfo is variadic: typed wrapper for curl_off_t results (*_T sizes and times).
static inline CURLcode shim_curl_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out) { return curl_easy_getinfo(h, i, out); }
