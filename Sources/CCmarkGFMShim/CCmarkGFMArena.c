// A memory arena per thread for cmark-gfm, which otherwise allocates every node, literal and buffer with
// calloc and frees each one again: on two cores the C allocator was a quarter of a large build's Markdown
// time. cmark-gfm's own arena is one for the whole process, unusable from two threads. Its allocator
// functions take no context, so the arena is the calling thread's: a document is parsed, changed and
// rendered on one thread, between `learnsite_arena_enter` and `learnsite_arena_leave`. When no document
// of the thread is open any more, all of its memory is given back at once (the first block is kept for
// the next document). Memory cmark-gfm got from the C allocator (nodes made with the default allocator,
// say) is recognised and handed back to it.
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "CCmarkGFMShim.h"

typedef struct block {
    struct block *previous;
    size_t size, used;
    alignas(16) unsigned char bytes[];
} block;

// Each allocation is preceded by its size, for realloc.
enum { header = 16, first_block = 256 * 1024 };

static _Thread_local block *top;
static _Thread_local int open_documents;

static block *new_block(size_t size, block *previous) {
    block *b = malloc(sizeof(block) + size);
    if (!b) abort();
    b->previous = previous;
    b->size = size;
    b->used = 0;
    return b;
}

static int owned(const void *pointer) {
    for (block *b = top; b; b = b->previous) {
        if ((const unsigned char *)pointer >= b->bytes && (const unsigned char *)pointer < b->bytes + b->used) return 1;
    }
    return 0;
}

static void *arena_allocate(size_t size) {
    size_t need = header + ((size + 15) & ~(size_t)15);
    if (need < size) abort();
    if (!top || top->size - top->used < need) {
        size_t grown = top ? top->size * 2 : first_block;
        top = new_block(need > grown ? need : grown, top);
    }
    unsigned char *start = top->bytes + top->used;
    top->used += need;
    *(size_t *)start = size;
    return start + header;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) abort();
    void *pointer = arena_allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return arena_allocate(size);
    if (!owned(pointer)) {
        void *moved = realloc(pointer, size);
        if (!moved && size) abort();
        return moved;
    }
    size_t *recorded = (size_t *)((unsigned char *)pointer - header);
    size_t old = *recorded;
    if (size <= old) return pointer;
    // The last allocation grows where it is when its block has room: cmark-gfm's buffers (a page's
    // HTML) grow a step at a time, and each step was a copy.
    size_t had = (old + 15) & ~(size_t)15, need = (size + 15) & ~(size_t)15;
    unsigned char *start = pointer;
    if (need >= size && start >= top->bytes && start + had == top->bytes + top->used && top->size - top->used >= need - had) {
        top->used += need - had;
        *recorded = size;
        return pointer;
    }
    void *moved = arena_allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

static void arena_free(void *pointer) {
    if (pointer && !owned(pointer)) free(pointer);
}

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *learnsite_arena_enter(void) {
    open_documents += 1;
    return &arena;
}

void learnsite_arena_leave(void) {
    if (--open_documents > 0) return;
    while (top && top->previous) {
        block *previous = top->previous;
        free(top);
        top = previous;
    }
    if (top) top->used = 0;
}
