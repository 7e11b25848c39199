#ifndef LEARNSITE_CMARK_SHIM_H
#define LEARNSITE_CMARK_SHIM_H

struct cmark_parser;
struct cmark_mem;

/// Adds the inline extensions' special characters of `parser` to cmark-gfm's process-wide table
/// and keeps them there. See CCmarkGFMShim.c for why.
void learnsite_cmark_pin_special_characters(struct cmark_parser *parser);

/// The calling thread's arena allocator, for a document about to be parsed on it; see CCmarkGFMArena.c.
struct cmark_mem *learnsite_arena_enter(void);

/// The document is done with: its memory, and that of every other closed one, is reused once the
/// thread has no open document left.
void learnsite_arena_leave(void);

#endif
