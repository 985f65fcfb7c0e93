namespace Pipeline.Core.Text;

/// <summary>How a <see cref="WordTable{TValue}"/> compares a word with its keys.</summary>
internal enum WordTableCase
{
    /// <summary>The word lower-cased (invariant) against the keys as written.</summary>
    Lower,

    /// <summary>Both upper-cased (invariant), as <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    IgnoreCase,
}
