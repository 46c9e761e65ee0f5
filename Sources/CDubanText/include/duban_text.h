#ifndef DUBAN_TEXT_H
#define DUBAN_TEXT_H
#include <stddef.h>

/// glibc's memmem (a GNU extension Swift's Glibc module does not export): the fastest
/// way to find a byte string in another.
const void *duban_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
