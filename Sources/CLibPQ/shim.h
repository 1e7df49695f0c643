// libpq for the Postgres module. Nothing here yet needs a wrapper: libpq exports plain functions.
#include <libpq-fe.h>
