// libxml2's parser and tree API. The headers live under /usr/include/libxml2 (found
// through pkg-config's libxml-2.0), so nested includes such as <libxml/xmlversion.h> resolve.
#include <libxml/parser.h>
#include <libxml/tree.h>
