// libxml2's parser and tree API. The headers live under /usr/include/libxml2 (found
// through pkg-config's libxml-2.0), so nested includes such as <libxml/xmlversion.h> resolve.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and encoding.h then includes the system's ICU headers,
// which clash with the ICU module inside Foundation wherever both are imported. duban never
// touches the ICU converter fields, so the headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
