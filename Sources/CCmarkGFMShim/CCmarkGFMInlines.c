// One pass over a parsed document that does what the rewriting of its inlines needs first: adjacent
// text nodes are merged (as cmark_consolidate_text_nodes does), and every text node and heading is
// listed in document order. Walking the tree with cmark's iterator, once to merge and once (from
// Swift) to list, was a tenth of a large build's Markdown time. The same pass tells whether a tree
// parsed without the autolink extension is the one the extension would have made.
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark-gfm.h>
#include "CCmarkGFMShim.h"

static void push(learnsite_node_list *list, cmark_node *node, unsigned char flag) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->nodes = realloc(list->nodes, list->capacity * sizeof *list->nodes);
        list->flags = realloc(list->flags, list->capacity);
        if (!list->nodes || !list->flags) abort();
    }
    list->nodes[list->count] = node;
    list->flags[list->count] = flag;
    list->count += 1;
}

// Appends the text nodes that follow `node` to it, and frees them.
static void merge_following_text(cmark_node *node) {
    cmark_node *next = cmark_node_next(node);
    if (!next || cmark_node_get_type(next) != CMARK_NODE_TEXT) return;
    size_t length = strlen(cmark_node_get_literal(node));
    for (cmark_node *n = next; n && cmark_node_get_type(n) == CMARK_NODE_TEXT; n = cmark_node_next(n)) {
        length += strlen(cmark_node_get_literal(n));
    }
    char *text = malloc(length + 1);
    if (!text) abort();
    size_t used = strlen(cmark_node_get_literal(node));
    memcpy(text, cmark_node_get_literal(node), used);
    while (next && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
        const char *literal = cmark_node_get_literal(next);
        size_t size = strlen(literal);
        memcpy(text + used, literal, size);
        used += size;
        cmark_node *after = cmark_node_next(next);
        cmark_node_free(next);
        next = after;
    }
    text[used] = 0;
    cmark_node_set_literal(node, text);
    free(text);
}

// Headings, links and images: their text is not rewritten.
static int protects(cmark_node_type type) {
    return type == CMARK_NODE_HEADING || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
}

// ASCII only, as cmark's own tests are: the C library's depend on the locale.
static int ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int ascii_alnum(unsigned char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }

// The autolink extension links `www.` and `scheme://` while cmark parses inlines, at the bytes where they
// stand in the source, and never inside `[...]`. Without the extension, cmark makes the same tree up to
// where the first such link would start (its text is only split at more places, which cmark merges).
// So when the source has no place where one could start, the tree parsed without the extension is the
// one it would have made, but for the email addresses it links in a pass over the finished tree.
//
// A `www.` can start a link after a space, `*`, `_`, `~` or `(`, or where a paragraph, table cell or
// heading begins (after a line's start, `>`, `|` or `:`): never after a letter, a digit, `/` or `.`.
static int www_may_link(const char *source, const char *www) {
    if (www == source) return 1;
    unsigned char before = (unsigned char)www[-1];
    return !(ascii_alnum(before) || before == '/' || before == '.');
}

// A `://` needs `http`, `https` or `ftp` before it, and no other letter before those. Returns 0 when no
// link can start at this one, 1 when one can, 2 when one likely does: the scheme does not follow `(` (a
// link's destination) or `<` (an angle-bracket autolink), which the parse without the extension checks.
static int url_may_link(const char *source, const char *colon) {
    const char *scheme = colon;
    while (scheme > source && ascii_alpha((unsigned char)scheme[-1])) scheme -= 1;
    size_t length = colon - scheme;
    if (!((length == 4 && strncasecmp(scheme, "http", 4) == 0) || (length == 5 && strncasecmp(scheme, "https", 5) == 0)
          || (length == 3 && strncasecmp(scheme, "ftp", 3) == 0))) return 0;
    return scheme == source || (scheme[-1] != '(' && scheme[-1] != '<') ? 2 : 1;
}

int learnsite_source_autolinks(const char *source, size_t length) {
    const char *end = source + length;
    int signs = 0;
    for (const char *dot = memchr(source, '.', length); dot; dot = memchr(dot + 1, '.', end - dot - 1)) {
        if (dot - source >= 3 && memcmp(dot - 3, "www", 3) == 0 && www_may_link(source, dot - 3)) {
            signs |= LEARNSITE_AUTOLINK_WWW;
            break;
        }
    }
    for (const char *colon = memchr(source, ':', length); colon; colon = memchr(colon + 1, ':', end - colon - 1)) {
        if (end - colon < 3 || colon[1] != '/' || colon[2] != '/') continue;
        int url = url_may_link(source, colon);
        if (url) signs |= LEARNSITE_AUTOLINK_URL;
        if (url == 2) {
            signs |= LEARNSITE_AUTOLINK_LIKELY_URL;
            break;
        }
    }
    // An entity can write an `@` too.
    if (memchr(source, '@', length) || memchr(source, '&', length)) signs |= LEARNSITE_AUTOLINK_EMAIL;
    return signs;
}

// Whether `text`, a merged text node outside links, holds what `signs` asks about: a `://`, unless in an
// image (whose text was inside `![...]`), or an `@` after a letter, a digit or one of `.+-_:`, which the
// extension's pass over the tree may make an email link of.
static int text_may_autolink(const char *text, int signs, int in_image) {
    int urls = (signs & LEARNSITE_AUTOLINK_URL) && !in_image, emails = signs & LEARNSITE_AUTOLINK_EMAIL;
    const char *set = urls && emails ? ":@" : urls ? ":" : emails ? "@" : NULL;
    if (!set) return 0;
    for (const char *at = strpbrk(text, set); at; at = strpbrk(at + 1, set)) {
        if (*at == ':' ? at[1] == '/' && at[2] == '/'
            : at > text && (ascii_alnum((unsigned char)at[-1]) || strchr(".+-_:", at[-1]))) return 1;
    }
    return 0;
}

int learnsite_collect_inlines(cmark_node *root, learnsite_node_list *texts, learnsite_node_list *headings, int signs) {
    int protected_depth = 0, abbr_depth = 0, link_depth = 0, image_depth = 0, autolinks = 0;
    cmark_node *node = cmark_node_first_child(root);
    while (node) {
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT) {
            merge_following_text(node);
            push(texts, node, protected_depth > 0 || abbr_depth > 0);
            if (signs && !autolinks && link_depth == 0) {
                autolinks = text_may_autolink(cmark_node_get_literal(node), signs, image_depth > 0);
            }
        } else if (type == CMARK_NODE_HEADING) {
            push(headings, node, 0);
        } else if (type == CMARK_NODE_HTML_INLINE) {
            // Raw HTML only survives with `unsafe_html`; an author's own <abbr> is left alone.
            const char *html = cmark_node_get_literal(node);
            if (html && strncasecmp(html, "<abbr", 5) == 0) abbr_depth += 1;
            else if (html && strncasecmp(html, "</abbr", 6) == 0 && abbr_depth > 0) abbr_depth -= 1;
        }
        cmark_node *child = cmark_node_first_child(node);
        if (child) {
            protected_depth += protects(type);
            link_depth += type == CMARK_NODE_LINK;
            image_depth += type == CMARK_NODE_IMAGE;
            node = child;
            continue;
        }
        // Leaving `node`: on to its next sibling, or up to the first ancestor that has one.
        while (node) {
            cmark_node *next = cmark_node_next(node);
            if (next) {
                node = next;
                break;
            }
            node = cmark_node_parent(node);
            if (node == root) node = NULL;
            else if (node) {
                cmark_node_type left = cmark_node_get_type(node);
                protected_depth -= protects(left);
                link_depth -= left == CMARK_NODE_LINK;
                image_depth -= left == CMARK_NODE_IMAGE;
            }
        }
    }
    return autolinks;
}

void learnsite_node_list_free(learnsite_node_list *list) {
    free(list->nodes);
    free(list->flags);
    *list = (learnsite_node_list){0};
}

const void *learnsite_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
