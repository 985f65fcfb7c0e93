using System.Buffers;

namespace Pipeline.Core.Buffers;

/// <summary>
/// A growable list over an array rented from <see cref="ArrayPool{T}.Shared"/>, for per-call bookkeeping that should not
/// allocate. A mutable struct: pass it by reference, and <see cref="Dispose"/> it once.
/// </summary>
internal struct PooledList<T>
{
    private T[] _items;
    private int _count;

    public PooledList(int capacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(4, capacity));
        _count = 0;
    }

    public readonly int Count => _count;

    public readonly Span<T> Span => _items.AsSpan(0, _count);

    public readonly ref T this[int index] => ref _items[index];

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var bigger = ArrayPool<T>.Shared.Rent(Math.Max(4, _items.Length * 2));
            _items.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<T>.Shared.Return(_items, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = bigger;
        }

        _items[_count++] = item;
    }

    public void Clear() => _count = 0;

    public void Dispose()
    {
        if (_items is { Length: > 0 })
        {
            ArrayPool<T>.Shared.Return(_items, System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        _items = [];
        _count = 0;
    }
}
