// libxml2 for XML canonicalisation (C14N) of the ASiC-E signature, which FoundationXML lacks
// (TOOLCHAIN.md pitfall 9).
#include <libxml/xmlversion.h>
// Keep ICU headers out: they clash with Foundation's own ICU module (TOOLCHAIN.md pitfall 7).
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/c14n.h>
#include <libxml/xpath.h>
// XSD validation of the SDP manifest as the receiving side checks it (spec 15 item 10).
#include <libxml/xmlschemas.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state.
static inline void shim_xmlFree(void *p) { xmlFree(p); }
