#pragma once
/// Boxed<T>: a member that most objects leave empty, kept on the heap only when set.
///
/// The model holds hundreds of thousands of blocks and only a few of them are tables;
/// a Table held by value made every block 80 bytes larger. A box costs one pointer. It
/// behaves as a value: copying a box copies what it holds, and an unset box reads as an
/// empty T, so readers never test for null.

#include <memory>
#include <type_traits>
#include <utility>

namespace planc {

template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit, as for a T member
    Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    ~Boxed() = default;

    /// Sets the value from anything a T is made from (`link.url = "https://..."`).
    template <class U>
        requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, Boxed>)
    Boxed& operator=(U&& value) {
        value_ = std::make_unique<T>(std::forward<U>(value));
        return *this;
    }

    /// The value held, or an empty T when the box is unset.
    const T& operator*() const { return value_ ? *value_ : empty(); }
    const T* operator->() const { return &**this; }

    /// The value held, set to an empty T first if the box is unset: for writing.
    T& make() {
        if (!value_) value_ = std::make_unique<T>();
        return *value_;
    }

    [[nodiscard]] bool has_value() const { return value_ != nullptr; }
    /// Empties the box.
    void reset() { value_.reset(); }

private:
    static const T& empty() {
        static const T nothing{};
        return nothing;
    }
    std::unique_ptr<T> value_;
};

}  // namespace planc
