// libxml2's reader for the XML inside office files, and its HTML parser for saved web pages.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would pull the system's ICU headers, which clash
// with Foundation's own copy. duban never touches the encoding handlers' ICU fields.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
