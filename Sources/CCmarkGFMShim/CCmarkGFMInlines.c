// One pass over a parsed document that does what the rewriting of its inlines needs first: adjacent
// text nodes are merged (as cmark_consolidate_text_nodes does), and every text node and heading is
// listed in document order. Walking the tree with cmark's iterator, once to merge and once (from
// Swift) to list, was a tenth of a large build's Markdown time.
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

void learnsite_collect_inlines(cmark_node *root, learnsite_node_list *texts, learnsite_node_list *headings) {
    int protected_depth = 0, abbr_depth = 0;
    cmark_node *node = cmark_node_first_child(root);
    while (node) {
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT) {
            merge_following_text(node);
            push(texts, node, protected_depth > 0 || abbr_depth > 0);
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
            else if (node) protected_depth -= protects(cmark_node_get_type(node));
        }
    }
}

void learnsite_node_list_free(learnsite_node_list *list) {
    free(list->nodes);
    free(list->flags);
    *list = (learnsite_node_list){0};
}

const void *learnsite_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
