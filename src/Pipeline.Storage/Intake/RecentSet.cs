namespace Pipeline.Storage.Intake;

/// <summary>
/// A bounded set of strings that forgets the oldest entries first: a cache of receipts already taken,
/// whose memory does not grow with the container. Thread-safe.
/// </summary>
internal sealed class RecentSet
{
    private readonly int _capacity;
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public RecentSet(int capacity) => _capacity = capacity;

    public bool Contains(string key)
    {
        lock (_lock)
        {
            return _set.Contains(key);
        }
    }

    public void Add(string key)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (!_set.Add(key))
            {
                return;
            }

            _order.Enqueue(key);
            if (_order.Count > _capacity)
            {
                _set.Remove(_order.Dequeue());
            }
        }
    }
}
