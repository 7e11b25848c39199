// cmark-gfm keeps the characters that start inline extensions (`~` for strikethrough, `:` and `w` for
// autolinks) in one process-wide table. `cmark_parser_finish` adds its parser's characters to it before
// parsing inlines and removes them afterwards, so when two documents are parsed at once, one parser's
// removal makes the other silently skip strikethrough and autolinks.
//
// learnsite manages the table itself: this definition takes the place of the library's exported function
// (the library calls it through its PLT), forwards calls until the table is pinned, then ignores them.
// Strikethrough's `~` is pinned for good. The autolink extension's `:` and `w` are in the table while at
// least one parse that attaches it is running (a count under a lock): a `w` stops cmark's scan of
// every word of prose that holds one, most documents have no autolink, and a parse without the
// extension only splits its text at them (cmark merges the pieces again), so finds the same.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include "CCmarkGFMShim.h"

typedef void (*manage_fn)(struct cmark_parser *, int);
static atomic_int pinned;
static struct cmark_parser *autolink_parser;
static pthread_mutex_t autolink_lock = PTHREAD_MUTEX_INITIALIZER;
static int autolink_parses;

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

void learnsite_cmark_pin_special_characters(struct cmark_parser *parser, struct cmark_parser *autolinks) {
    manage_fn fn = library_manage();
    if (fn != NULL) fn(parser, 1);
    autolink_parser = autolinks;
    atomic_store(&pinned, 1);
}

void learnsite_autolink_parse_begin(void) {
    manage_fn fn = library_manage();
    pthread_mutex_lock(&autolink_lock);
    if (autolink_parses++ == 0 && fn != NULL && autolink_parser != NULL) fn(autolink_parser, 1);
    pthread_mutex_unlock(&autolink_lock);
}

void learnsite_autolink_parse_end(void) {
    manage_fn fn = library_manage();
    pthread_mutex_lock(&autolink_lock);
    if (--autolink_parses == 0 && fn != NULL && autolink_parser != NULL) fn(autolink_parser, 0);
    pthread_mutex_unlock(&autolink_lock);
}
