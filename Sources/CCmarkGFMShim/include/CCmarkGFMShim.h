#ifndef LEARNSITE_CMARK_SHIM_H
#define LEARNSITE_CMARK_SHIM_H

struct cmark_parser;

/// Adds the inline extensions' special characters of `parser` to cmark-gfm's process-wide table
/// and keeps them there. See CCmarkGFMShim.c for why.
void learnsite_cmark_pin_special_characters(struct cmark_parser *parser);

#endif
