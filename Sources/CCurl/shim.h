// libcurl for the HTTP module. curl_easy_setopt/getinfo are variadic, which Swift cannot call,
// so typed wrappers live here.
#include <curl/curl.h>
