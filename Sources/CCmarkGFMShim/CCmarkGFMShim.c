// cmark-gfm keeps the characters that start inline extensions (`~` for strikethrough, `:` and `w` for
// autolinks) in one process-wide table. `cmark_parser_finish` adds its parser's characters to it before
// parsing inlines and removes them afterwards, so when two documents are parsed at once, one parser's
// removal makes the other silently skip strikethrough and autolinks.
//
// Every parser learnsite makes attaches the same extensions, so the table can simply be filled once at
// start-up and left alone: this definition takes the place of the library's exported function (the
// library calls it through its PLT), forwards calls until the table is pinned, then ignores them.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include "CCmarkGFMShim.h"

typedef void (*manage_fn)(struct cmark_parser *, int);
static atomic_int pinned;

static manage_fn library_manage(void) {
    static _Atomic(manage_fn) real;
    manage_fn fn = atomic_load(&real);
    if (fn == NULL) {
        fn = (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store(&real, fn);
    }
    return fn;
}

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    if (atomic_load(&pinned)) return;
    manage_fn fn = library_manage();
    if (fn != NULL) fn(parser, add);
}

void learnsite_cmark_pin_special_characters(struct cmark_parser *parser) {
    manage_fn fn = library_manage();
    if (fn != NULL) fn(parser, 1);
    atomic_store(&pinned, 1);
}
