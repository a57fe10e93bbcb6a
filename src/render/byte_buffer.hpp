#pragma once
// ByteBuffer: the bytes of a page or a data file, appended a small piece at a time.
//
// The writers build their output from many small pieces: a tag name, `="`, an escaped run
// of text, a JSON key and its indentation. A 1,000-plan build appends about forty million
// of them, seven bytes each on average. std::string::append copies each through a call to
// memcpy (the size is not known where it is compiled), and that call was the largest
// single cost of a build. Here a piece of up to sixteen bytes is copied inline with at
// most four moves, and only longer ones call memcpy.
//
// The bytes live in a std::string that is kept longer than what was written: the room
// after the written bytes is filled in place. take() trims it and hands it over.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace planc {

class ByteBuffer {
public:
    ByteBuffer() = default;
    /// A buffer that goes on from `start`.
    explicit ByteBuffer(std::string start) : bytes_(std::move(start)), size_(bytes_.size()) {}

    /// Appends `n` bytes from `s`, which must not point into this buffer (growing may move it).
    void append(const char* s, std::size_t n) {
        char* to = room(n);
        copy(to, s, n);
        size_ += n;
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    void push_back(char c) {
        *room(1) = c;
        ++size_;
    }
    ByteBuffer& operator+=(std::string_view s) {
        append(s);
        return *this;
    }
    ByteBuffer& operator+=(char c) {
        push_back(c);
        return *this;
    }

    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] bool empty() const { return size_ == 0; }
    /// The last byte written (the buffer must not be empty).
    [[nodiscard]] char back() const { return bytes_[size_ - 1]; }
    [[nodiscard]] std::string_view view() const { return {bytes_.data(), size_}; }
    /// Forgets the bytes after the first `n` (n <= size()).
    void truncate(std::size_t n) { size_ = std::min(n, size_); }
    /// Makes room for `n` more bytes at once (the size a writer expects to reach).
    void reserve_more(std::size_t n) {
        if (bytes_.size() - size_ < n) grow(n);
    }
    /// The bytes written; the buffer is empty after.
    [[nodiscard]] std::string take() {
        bytes_.resize(size_);
        size_ = 0;
        return std::exchange(bytes_, std::string());
    }

private:
    char* room(std::size_t n) {
        if (bytes_.size() - size_ < n) [[unlikely]]
            grow(n);
        return bytes_.data() + size_;
    }
    void grow(std::size_t n) {
        // Doubling, as std::string does; the new bytes are zeroed by resize and written over.
        bytes_.resize(std::max(bytes_.size() * 2, size_ + n + 256));
    }
    /// memcpy, inline for the short pieces that are nearly all of them: two overlapping
    /// moves of 8, 4 or 1 bytes cover every length up to 16.
    static void copy(char* to, const char* from, std::size_t n) {
        if (n > 16) {
            std::memcpy(to, from, n);
        } else if (n >= 8) {
            copy_ends<std::uint64_t>(to, from, n);
        } else if (n >= 4) {
            copy_ends<std::uint32_t>(to, from, n);
        } else if (n > 0) {
            to[0] = from[0];
            to[n / 2] = from[n / 2];
            to[n - 1] = from[n - 1];
        }
    }
    /// The first and the last sizeof(Word) bytes of `n` (sizeof(Word) <= n <= 2 * sizeof(Word)).
    template <class Word>
    static void copy_ends(char* to, const char* from, std::size_t n) {
        Word head, tail;
        std::memcpy(&head, from, sizeof head);
        std::memcpy(&tail, from + n - sizeof tail, sizeof tail);
        std::memcpy(to, &head, sizeof head);
        std::memcpy(to + n - sizeof tail, &tail, sizeof tail);
    }

    std::string bytes_;     ///< the bytes written, then room to write into
    std::size_t size_ = 0;  ///< how many of bytes_ are written
};

}  // namespace planc
