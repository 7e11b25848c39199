#ifndef LEARNSITE_CMARK_SHIM_H
#define LEARNSITE_CMARK_SHIM_H

#include <stddef.h>

struct cmark_parser;
struct cmark_mem;
struct cmark_node;

/// Adds the inline extensions' special characters of `parser` to cmark-gfm's process-wide table
/// and keeps them there; those of `autolinks` (a parser with only the autolink extension, kept) are
/// there while an autolink parse runs. See CCmarkGFMShim.c for why.
void learnsite_cmark_pin_special_characters(struct cmark_parser *parser, struct cmark_parser *autolinks);

/// Around a parse that attaches the autolink extension, from before `cmark_parser_finish` to after it.
void learnsite_autolink_parse_begin(void);
void learnsite_autolink_parse_end(void);

/// The calling thread's arena allocator, for a document about to be parsed on it; see CCmarkGFMArena.c.
struct cmark_mem *learnsite_arena_enter(void);

/// The document is done with: its memory, and that of every other closed one, is reused once the
/// thread has no open document left.
void learnsite_arena_leave(void);

/// Nodes in document order, each with a flag.
typedef struct {
    struct cmark_node **nodes;
    unsigned char *flags;
    size_t count, capacity;
} learnsite_node_list;

/// What a body's Markdown source says about GFM extended autolinks (see CCmarkGFMInlines.c).
enum {
    /// A `www.` where a link could start.
    LEARNSITE_AUTOLINK_WWW = 1,
    /// An `http://`, `https://` or `ftp://`.
    LEARNSITE_AUTOLINK_URL = 2,
    /// One of those not in a link's destination or angle brackets.
    LEARNSITE_AUTOLINK_LIKELY_URL = 4,
    /// An `@`, or an `&` that could write one.
    LEARNSITE_AUTOLINK_EMAIL = 8,
};

/// Which of the above a body's source shows: where a `www.` link could start is exact, the rest are guesses
/// that the parse checks.
int learnsite_source_autolinks(const char *source, size_t length);

/// Merges adjacent text nodes below `root` and lists its text nodes (flagged when inside a heading,
/// link, image or an author's `<abbr>`) and headings, in one pass; see CCmarkGFMInlines.c. For a tree
/// parsed without the autolink extension, from a source with these `signs`, returns whether the
/// extension could have linked some of its text.
int learnsite_collect_inlines(struct cmark_node *root, learnsite_node_list *texts, learnsite_node_list *headings, int signs);

void learnsite_node_list_free(learnsite_node_list *list);

/// glibc's `memmem` (a GNU extension Swift's Glibc module leaves out): where `needle` first occurs in
/// `haystack`, or NULL.
const void *learnsite_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
