namespace Pipeline.Development.Azurite;

/// <summary>Keeps the last lines a child process printed, so a failure can show them without keeping everything.</summary>
internal sealed class OutputTail(int capacity = 40)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            if (_lines.Count == capacity)
                _lines.Dequeue();
            _lines.Enqueue(line);
        }
    }

    public bool Contains(string text)
    {
        lock (_gate)
            return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    public string Format()
    {
        lock (_gate)
        {
            return _lines.Count == 0
                ? "(no output)"
                : "Last output:" + Environment.NewLine + string.Join(Environment.NewLine, _lines);
        }
    }
}
