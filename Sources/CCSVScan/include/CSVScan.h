#ifndef LEARNSITE_CSV_SCAN_H
#define LEARNSITE_CSV_SCAN_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i is set when `bytes[i]` (0 <= i < 64) is `delimiter`, a double quote, LF or CR: the bytes a CSV
/// reader must stop at. All 64 bytes must be readable. SSE2 (every x86-64) compares 16 bytes at once,
/// which Swift cannot express; elsewhere it is a plain loop.
static inline uint64_t learnsite_csv_structure(const uint8_t *bytes, uint8_t delimiter) {
    uint64_t mask = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), q = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (int i = 0; i < 4; i++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(hit) << (16 * i);
    }
#else
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i];
        if (b == delimiter || b == '"' || b == '\n' || b == '\r') mask |= (uint64_t)1 << i;
    }
#endif
    return mask;
}

#endif
