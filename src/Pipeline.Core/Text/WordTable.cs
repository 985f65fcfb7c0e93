using System.Runtime.CompilerServices;

namespace Pipeline.Core.Text;

/// <summary>
/// A read-only map from words to values for the hot word loops (function words, context cues), looked up by a hash the
/// caller may compute while it scans the word. Why not a frozen dictionary: its lookup hashes the word again (and, ignoring
/// case, through Marvin), after the caller has already read every character once to find where the word ends.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over a power-of-two table at most half full. <see cref="WordTableCase.Lower"/>
/// compares the lower-cased (invariant) word with the keys as given, as a lookup of <c>word.ToLowerInvariant()</c> would;
/// <see cref="WordTableCase.IgnoreCase"/> compares as <see cref="StringComparer.OrdinalIgnoreCase"/> does, hashing both
/// sides upper-cased (invariant).
/// </remarks>
/// <typeparam name="TValue">The value of a word.</typeparam>
internal sealed class WordTable<TValue>
{
    // Slots side by side, and the keys' characters in one array: a probe reads one slot and, on a hash match, a few
    // characters next to the other keys', instead of following a reference to a string somewhere on the heap.
    private readonly Slot[] _slots;
    private readonly char[] _chars;
    private readonly TValue[] _values;
    private readonly int _mask;
    private readonly WordTableCase _case;

    /// <summary>Builds the table; a later entry for the same word (under the table's case rule) replaces an earlier one.</summary>
    /// <exception cref="ArgumentException">A key is empty.</exception>
    public WordTable(IEnumerable<KeyValuePair<string, TValue>> entries, WordTableCase caseRule)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _case = caseRule;
        var list = entries.ToList();
        if (list.Exists(e => string.IsNullOrEmpty(e.Key)))
        {
            throw new ArgumentException("A word table's keys are words: none may be empty.", nameof(entries));
        }

        var size = 16;
        while (size < list.Count * 2)
        {
            size <<= 1;
        }

        var keys = new string?[size];
        _slots = new Slot[size];
        _values = new TValue[size];
        _mask = size - 1;
        foreach (var (key, value) in list)
        {
            var hash = KeyHash(key);
            var slot = (int)(Mix(hash) & (uint)_mask);
            while (keys[slot] is { } other && !SameKey(other, key))
            {
                slot = (slot + 1) & _mask;
            }

            keys[slot] = key;
            _slots[slot] = new Slot(hash, 0, key.Length);
            _values[slot] = value;
        }

        var chars = new List<char>();
        for (var slot = 0; slot < size; slot++)
        {
            if (keys[slot] is { } key)
            {
                _slots[slot] = _slots[slot] with { Start = chars.Count };
                chars.AddRange(key);
            }
        }

        _chars = [.. chars];
    }

    /// <summary>The hash that <see cref="TryGetValue(ReadOnlySpan{char}, uint, out TValue)"/> expects, from the empty word.</summary>
    public const uint EmptyHash = 2166136261;

    /// <summary>Adds a character of the word to a running hash (start from <see cref="EmptyHash"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Add(uint hash, char c) => (hash ^ Fold(c)) * 16777619;

    /// <summary>The hash of a whole word under the table's case rule.</summary>
    public uint Hash(ReadOnlySpan<char> word)
    {
        var hash = EmptyHash;
        foreach (var c in word)
        {
            hash = Add(hash, c);
        }

        return hash;
    }

    /// <summary>Looks a word up.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value) => TryGetValue(word, Hash(word), out value);

    /// <summary>Looks a word up by the hash the caller computed with <see cref="Add"/> while it read the word.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, uint hash, out TValue value)
    {
        var slots = _slots;
        for (var slot = (int)(Mix(hash) & (uint)_mask); ; slot = (slot + 1) & _mask)
        {
            var entry = slots[slot];
            if (entry.Length == 0)
            {
                value = default!;
                return false;
            }

            // The whole hash and the length first: most words that land on a taken slot are other words.
            if (entry.Hash == hash && entry.Length == word.Length && Matches(_chars.AsSpan(entry.Start, entry.Length), word))
            {
                value = _values[slot];
                return true;
            }
        }
    }

    /// <summary>True when the table holds <paramref name="word"/>.</summary>
    public bool Contains(ReadOnlySpan<char> word) => TryGetValue(word, out _);

    // Keys hash as the words that match them do: folded for IgnoreCase, as written for Lower (a key with a capital
    // in it then matches no lower-cased word, as in a lookup of the lower-cased word).
    private uint KeyHash(string key)
    {
        var hash = EmptyHash;
        foreach (var c in key)
        {
            hash = (hash ^ (_case == WordTableCase.Lower ? c : Fold(c))) * 16777619;
        }

        return hash;
    }

    private bool SameKey(string a, string b) =>
        _case == WordTableCase.Lower ? a == b : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private bool Matches(ReadOnlySpan<char> key, ReadOnlySpan<char> word)
    {
        if (_case == WordTableCase.IgnoreCase)
        {
            // Equality exactly as the comparer's; the upper-cased hash only has to agree wherever it says equal.
            return key.Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (key[i] != Fold(word[i]))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private char Fold(char c)
    {
        if (c < 128)
        {
            // ASCII letters differ from their other case in bit 0x20 only.
            var letter = (uint)((c | 0x20) - 'a') <= 'z' - 'a';
            return !letter ? c : _case == WordTableCase.Lower ? (char)(c | 0x20) : (char)(c & ~0x20);
        }

        return _case == WordTableCase.Lower ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
    }

    private static uint Mix(uint hash) => hash ^ (hash >> 15);

    /// <summary>A taken slot: its key's hash and where its characters are; an empty slot has length 0 (no key is empty).</summary>
    private readonly record struct Slot(uint Hash, int Start, int Length);
}
