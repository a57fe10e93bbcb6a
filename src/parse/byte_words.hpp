#pragma once
// Eight bytes at a time: tests on a 64-bit word of text that let the scans over every
// byte of every plan (UTF-8 checks, column counts, JSON escaping) pass over plain
// stretches a word at a time. The classic bit tricks ("has zero byte", "has
// less", "has between"); each is exact: it says yes only when a byte really matches.

#include <cstdint>
#include <cstring>

namespace planc::byte_words {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;  ///< the top bit of each byte

/// The 8 bytes at `p` as one word (any alignment).
inline std::uint64_t load(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

/// True when a byte is 0x80 or above (not ASCII).
constexpr bool has_non_ascii(std::uint64_t word) { return (word & kHigh) != 0; }

/// True when a byte equals `byte`.
constexpr bool has_byte(std::uint64_t word, unsigned char byte) {
    std::uint64_t x = word ^ (kOnes * byte);
    return ((x - kOnes) & ~x & kHigh) != 0;
}

/// True when a byte is below `limit` (at most 128).
constexpr bool has_below(std::uint64_t word, unsigned char limit) {
    return ((word - kOnes * limit) & ~word & kHigh) != 0;
}

/// How many bytes are UTF-8 continuation bytes (top bits 10).
constexpr unsigned continuation_bytes(std::uint64_t word) {
    // One bit per continuation byte, moved to the bottom of its byte; the multiply adds
    // the eight bytes up into the top one (no popcount instruction needed).
    std::uint64_t marks = (word & ~(word << 1) & kHigh) >> 7;
    return static_cast<unsigned>((marks * kOnes) >> 56);
}

// Sixteen bytes at a time, with GCC's vector types (SSE2 on x86-64, NEON on ARM; no
// intrinsics): a comparison gives 0xFF in each byte where it holds, and mask() gathers
// those into one bit per byte (byte k -> bit k), so the first match is countr_zero away.

using Bytes16 = unsigned char __attribute__((vector_size(16)));

/// The 16 bytes at `p` (any alignment).
inline Bytes16 load16(const char* p) {
    Bytes16 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// One bit per byte of `flags` (each byte 0xFF or 0): bit k for byte k.
template <class Flags>
inline std::uint32_t mask(Flags flags) {
    std::uint64_t half[2];
    std::memcpy(half, &flags, sizeof half);
    // The top bit of each byte of a half, gathered into its eight bits.
    auto gather = [](std::uint64_t h) {
        return static_cast<std::uint32_t>(((h & kHigh) * 0x0002040810204081ULL) >> 56);
    };
    return gather(half[0]) | gather(half[1]) << 8;
}

}  // namespace planc::byte_words
