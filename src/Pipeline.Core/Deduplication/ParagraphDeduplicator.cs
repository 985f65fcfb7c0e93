using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using Pipeline.Core.Buffers;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Removes repeated paragraphs inside one document, keeping each once and the fullest variant.
/// </summary>
/// <remarks>
/// <para>Two blocks are the same paragraph when their canonical forms are equal (hash lookup), nearly equal
/// (Jaccard of word shingles at or above <see cref="ParagraphDedupOptions.NearDuplicateThreshold"/>), or
/// when one is contained in the other at word boundaries (a sentence ending "that:" and, later, the same
/// sentence followed by the quote). The fuller variant's text is kept in the first one's place.</para>
/// <para>Scraped pages often hold the article twice, the second copy with extra paragraphs the first lost.
/// Once a block repeats an earlier one it becomes an anchor; new blocks after it are held until the next
/// anchor. If that anchor comes later in the kept order, the held blocks are inserted right after the
/// previous anchor (an alignment merge: <c>A B C D</c> + <c>A Q1 Q2 B C E D</c> gives
/// <c>A Q1 Q2 B C E D</c>); otherwise, and at the end of the text, they are appended.</para>
/// <para>Candidate comparison is bounded by a 256-bit word filter per block, so exact shingle sets are
/// built only for blocks that can plausibly match; all bookkeeping lives in pooled arrays; the pairwise search as a whole is capped by
/// <see cref="ParagraphDedupOptions.MaxComparisonWork"/>, after which only exact repeats merge. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ParagraphDeduplicator
{
    private const long OrderGap = 1L << 20;
    private const int None = -1;

    private readonly ParagraphDedupOptions _options;

    /// <summary>Creates a deduplicator.</summary>
    /// <param name="options">Options; <see cref="ParagraphDedupOptions.Default"/> when null.</param>
    public ParagraphDeduplicator(ParagraphDedupOptions? options = null)
    {
        _options = options ?? ParagraphDedupOptions.Default;
        _options.Validate();
    }

    /// <summary>Deduplicates <paramref name="blocks"/> (in reading order).</summary>
    /// <param name="blocks">Paragraphs, headings and an optional title.</param>
    /// <returns>Each block once, in reading order, and how many were removed.</returns>
    public ParagraphDedupResult Deduplicate(IReadOnlyList<TextBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        using var run = Start(blocks.Count);
        foreach (var block in blocks)
        {
            run.Add(block.Kind, block.Span);
        }

        var kept = new PooledList<KeptBlock>(blocks.Count);
        try
        {
            run.Finish(ref kept);
            var result = new List<TextBlock>(kept.Count);
            foreach (var k in kept.Span)
            {
                var block = blocks[k.Index];
                result.Add(k.Text == k.Index ? block : block with { Text = blocks[k.Text].Text });
            }

            return new ParagraphDedupResult(result, run.Removed);
        }
        finally
        {
            kept.Dispose();
        }
    }

    /// <summary>
    /// Starts a deduplication pass over blocks given one at a time as spans (so they need not be strings); the caller
    /// disposes it.
    /// </summary>
    /// <param name="capacity">The expected number of blocks.</param>
    internal Run Start(int capacity) => new(_options, capacity);

    /// <summary>A kept block: the block at <paramref name="Index"/> (its kind and place) with the text of the block at <paramref name="Text"/>.</summary>
    /// <param name="Index">Index of the block, in the order added.</param>
    /// <param name="Kind">Its kind.</param>
    /// <param name="Text">Index of the block whose text it holds (the fullest variant).</param>
    internal readonly record struct KeptBlock(int Index, BlockKind Kind, int Text);

    /// <summary>One deduplication pass; holds all mutable state, in pooled arrays.</summary>
    internal sealed class Run : IDisposable
    {
        private readonly ParagraphDedupOptions _options;
        private readonly CanonicalStore _store = new();
        private PooledList<Entry> _entries; // one per block added, by index
        private PooledList<int> _all;       // entries that repeat no earlier one
        private PooledList<int> _pending;   // new blocks held since the last anchor
        private PooledList<ulong> _shingles;
        private ExactIndex _byCanonical;
        private int _head = None, _tail = None, _lastAnchor = None;
        private long _work;

        public Run(ParagraphDedupOptions options, int capacity)
        {
            _options = options;
            _entries = new PooledList<Entry>(capacity);
            _all = new PooledList<int>(capacity);
            _pending = new PooledList<int>(16);
            _shingles = new PooledList<ulong>(0);
            _byCanonical = new ExactIndex(capacity);
        }

        /// <summary>How many blocks were repeats and merged away.</summary>
        public int Removed { get; private set; }

        public void Add(BlockKind kind, ReadOnlySpan<char> text)
        {
            var index = _entries.Count;
            var entry = new Entry { Kind = kind, Text = index, Prev = None, Next = None, Shingles = None };
            SetCanonical(ref entry, _store.Add(text));
            _entries.Add(entry);
            var match = FindMatch(index);
            if (match == None)
            {
                _all.Add(index);
                _byCanonical.TryAdd(entry.Key, index);
                if (_lastAnchor == None)
                {
                    Append(index);
                }
                else
                {
                    _pending.Add(index);
                }

                return;
            }

            Removed++;
            // The fuller variant (more canonical text) wins; equal canonical forms keep the first wording.
            ref var m = ref _entries[match];
            if (entry.Canonical.Length > m.Canonical.Length)
            {
                m.Text = entry.Text;
                if (!Canonical(m).SequenceEqual(Canonical(entry)))
                {
                    SetCanonical(ref m, entry.Canonical);
                    m.Shingles = None;
                }

                _byCanonical.TryAdd(entry.Key, match);
            }

            if (!m.IsKept)
            {
                return; // a repeat inside the held blocks: not an anchor
            }

            if (_pending.Count > 0)
            {
                // Alignment merges renumber the kept list now and then; once the work budget is spent, held blocks are appended.
                if (_lastAnchor != None && m.Order > _entries[_lastAnchor].Order && _work <= _options.MaxComparisonWork)
                {
                    var after = _lastAnchor;
                    foreach (var held in _pending.Span)
                    {
                        after = InsertAfter(after, held);
                    }
                }
                else
                {
                    foreach (var held in _pending.Span)
                    {
                        Append(held);
                    }
                }

                _pending.Clear();
            }

            _lastAnchor = match;
        }

        /// <summary>Adds the kept blocks, in reading order, to <paramref name="kept"/>.</summary>
        public void Finish(ref PooledList<KeptBlock> kept)
        {
            foreach (var held in _pending.Span)
            {
                Append(held);
            }

            _pending.Clear();
            for (var i = _head; i != None; i = _entries[i].Next)
            {
                ref var entry = ref _entries[i];
                kept.Add(new KeptBlock(i, entry.Kind, entry.Text));
            }
        }

        public void Dispose()
        {
            _store.Dispose();
            _entries.Dispose();
            _all.Dispose();
            _pending.Dispose();
            _shingles.Dispose();
            _byCanonical.Dispose();
        }

        private ReadOnlySpan<char> Canonical(in Entry entry) => _store[entry.Canonical];

        private void SetCanonical(ref Entry entry, (int Start, int Length) canonical)
        {
            entry.Canonical = canonical;
            var span = _store[canonical];
            var filter = default(WordFilter);

            // The word hashes and the key in one pass over the text (a search for each next space cost more than hashing short words).
            var rented = ArrayPool<ulong>.Shared.Rent((span.Length / 2) + 1);
            var words = StableHash.HashWords(span, rented, out var key);
            entry.Key = key;
            foreach (var hash in rented.AsSpan(0, words))
            {
                filter.Add(hash);
            }

            ArrayPool<ulong>.Shared.Return(rented);
            entry.WordCount = words;
            entry.Filter = filter;
        }

        private int FindMatch(int index)
        {
            ref var entry = ref _entries[index];
            if (_byCanonical.TryGetValue(entry.Key, out var exact) && Canonical(entry).SequenceEqual(Canonical(_entries[exact])))
            {
                return exact;
            }

            foreach (var other in _all.Span)
            {
                // Hostile inputs (a million distinct lines) would make this all-pairs search quadratic; past the budget only exact repeats merge.
                if (++_work > _options.MaxComparisonWork)
                {
                    return None;
                }

                if (_entries[other].Kind != entry.Kind)
                {
                    continue;
                }

                if (IsContained(index, other) || IsNear(index, other))
                {
                    return other;
                }
            }

            return None;
        }

        private bool IsContained(int a, int b)
        {
            ref var ea = ref _entries[a];
            ref var eb = ref _entries[b];
            var aIsShorter = ea.Canonical.Length <= eb.Canonical.Length;
            ref var shorter = ref aIsShorter ? ref ea : ref eb;
            ref var longer = ref aIsShorter ? ref eb : ref ea;
            if (shorter.WordCount < _options.MinContainedWords || shorter.Canonical.Length == longer.Canonical.Length ||
                !shorter.Filter.IsSubsetOf(longer.Filter))
            {
                return false;
            }

            _work += longer.Canonical.Length / 64;
            return ContainsWords(Canonical(longer), Canonical(shorter));
        }

        private bool IsNear(int a, int b)
        {
            var threshold = _options.NearDuplicateThreshold;
            ref var ea = ref _entries[a];
            ref var eb = ref _entries[b];
            if (threshold >= 1.0 || ea.WordCount == 0 || eb.WordCount == 0)
            {
                return false;
            }

            // Cheap necessary conditions first: similar length, similar word sets.
            var ratio = (double)Math.Min(ea.WordCount, eb.WordCount) / Math.Max(ea.WordCount, eb.WordCount);
            if (ratio < threshold - 0.05 || ea.Filter.Similarity(eb.Filter) < threshold - 0.25)
            {
                return false;
            }

            _work += (ea.Canonical.Length + eb.Canonical.Length) / 64;
            var (startA, countA) = Shingles(a);
            var (startB, countB) = Shingles(b);
            var shared = CountShared(_shingles.Span.Slice(startA, countA), _shingles.Span.Slice(startB, countB));
            var union = countA + countB - shared;
            return union > 0 && (double)shared / union >= threshold;
        }

        /// <summary>The entry's distinct shingle hashes, sorted, as a range of the shingle store (made on first use).</summary>
        private (int Start, int Count) Shingles(int index)
        {
            ref var entry = ref _entries[index];
            if (entry.Shingles == None)
            {
                var size = _options.ShingleSize;
                using var words = WordHashes.Of(Canonical(entry));
                var count = words.ShingleCount(size);
                var start = _shingles.Count;
                for (var i = 0; i < count; i++)
                {
                    _shingles.Add(words.Shingle(i, size));
                }

                // A sorted distinct run stands in for a set: its length is the set's size, and a merge counts the intersection.
                var run = _shingles.Span.Slice(start, count);
                run.Sort();
                var distinct = 0;
                for (var i = 0; i < run.Length; i++)
                {
                    if (distinct == 0 || run[i] != run[distinct - 1])
                    {
                        run[distinct++] = run[i];
                    }
                }

                entry.Shingles = start;
                entry.ShingleCount = distinct;
                return (start, distinct);
            }

            return (entry.Shingles, entry.ShingleCount);
        }

        private static int CountShared(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
        {
            int i = 0, j = 0, shared = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] < b[j])
                {
                    i++;
                }
                else if (a[i] > b[j])
                {
                    j++;
                }
                else
                {
                    shared++;
                    i++;
                    j++;
                }
            }

            return shared;
        }

        private static bool ContainsWords(ReadOnlySpan<char> longer, ReadOnlySpan<char> shorter)
        {
            var start = 0;
            while (true)
            {
                var found = longer[start..].IndexOf(shorter, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                var index = start + found;
                var end = index + shorter.Length;
                if ((index == 0 || longer[index - 1] == ' ') && (end == longer.Length || longer[end] == ' '))
                {
                    return true;
                }

                start = index + 1;
            }
        }

        private void Append(int index)
        {
            ref var entry = ref _entries[index];
            entry.Order = _tail == None ? 0 : _entries[_tail].Order + OrderGap;
            entry.Prev = _tail;
            entry.Next = None;
            entry.IsKept = true;
            if (_tail == None)
            {
                _head = index;
            }
            else
            {
                _entries[_tail].Next = index;
            }

            _tail = index;
        }

        private int InsertAfter(int node, int index)
        {
            var next = _entries[node].Next;
            if (next == None)
            {
                Append(index);
                return index;
            }

            if (_entries[next].Order - _entries[node].Order < 2)
            {
                Renumber();
            }

            ref var entry = ref _entries[index];
            entry.Order = _entries[node].Order + ((_entries[next].Order - _entries[node].Order) / 2);
            entry.Prev = node;
            entry.Next = next;
            entry.IsKept = true;
            _entries[node].Next = index;
            _entries[next].Prev = index;
            return index;
        }

        private void Renumber()
        {
            long order = 0;
            var count = 0;
            for (var i = _head; i != None; i = _entries[i].Next)
            {
                _entries[i].Order = order;
                order += OrderGap;
                count++;
            }

            _work += count;
        }
    }

    /// <summary>A block with its canonical form and comparison aids; lives in the run's pooled entry list.</summary>
    private struct Entry
    {
        public BlockKind Kind;
        public int Text;                          // index of the block whose text this one now holds
        public (int Start, int Length) Canonical; // range of the canonical store
        public ulong Key;                         // stable hash of the canonical form: the exact-repeat key
        public int WordCount;
        public WordFilter Filter;
        public int Shingles;                      // start in the shingle store, or None when not made yet
        public int ShingleCount;
        public long Order;
        public int Prev, Next;                    // the kept list, by index
        public bool IsKept;
    }

    /// <summary>
    /// The exact-repeat index: canonical hash to the first entry with it. Open addressing over pooled arrays, so a
    /// document's pass allocates no dictionary.
    /// </summary>
    private struct ExactIndex : IDisposable
    {
        private ulong[] _keys;
        private int[] _values; // entry index + 1; 0 is an empty slot
        private int _mask;     // the table is the first _mask + 1 (a power of two) slots of the rented arrays
        private int _count;

        public ExactIndex(int capacity)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
            _keys = ArrayPool<ulong>.Shared.Rent(size);
            _values = ArrayPool<int>.Shared.Rent(size);
            Array.Clear(_values, 0, size);
            _mask = size - 1;
            _count = 0;
        }

        public readonly bool TryGetValue(ulong key, out int value)
        {
            for (var slot = (int)(key & (ulong)_mask); _values[slot] != 0; slot = (slot + 1) & _mask)
            {
                if (_keys[slot] == key)
                {
                    value = _values[slot] - 1;
                    return true;
                }
            }

            value = None;
            return false;
        }

        public void TryAdd(ulong key, int value)
        {
            if (TryGetValue(key, out _))
            {
                return;
            }

            if ((_count + 1) * 2 > _mask + 1)
            {
                Grow();
            }

            Insert(key, value + 1);
            _count++;
        }

        public void Dispose()
        {
            if (_keys is { Length: > 0 })
            {
                ArrayPool<ulong>.Shared.Return(_keys);
                ArrayPool<int>.Shared.Return(_values);
            }

            _keys = [];
            _values = [];
        }

        private readonly void Insert(ulong key, int storedValue)
        {
            var slot = (int)(key & (ulong)_mask);
            while (_values[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = storedValue;
        }

        private void Grow()
        {
            var (oldKeys, oldValues, oldSize) = (_keys, _values, _mask + 1);
            var size = oldSize * 2;
            _keys = ArrayPool<ulong>.Shared.Rent(size);
            _values = ArrayPool<int>.Shared.Rent(size);
            Array.Clear(_values, 0, size);
            _mask = size - 1;
            for (var i = 0; i < oldSize; i++)
            {
                if (oldValues[i] != 0)
                {
                    Insert(oldKeys[i], oldValues[i]);
                }
            }

            ArrayPool<ulong>.Shared.Return(oldKeys);
            ArrayPool<int>.Shared.Return(oldValues);
        }
    }

    /// <summary>
    /// The canonical forms of one run's blocks, appended to one pooled buffer rather than a string each,
    /// to keep allocations per document low.
    /// </summary>
    private sealed class CanonicalStore : IDisposable
    {
        private char[] _buffer = ArrayPool<char>.Shared.Rent(4096);
        private int _length;

        public ReadOnlySpan<char> this[(int Start, int Length) range] => _buffer.AsSpan(range.Start, range.Length);

        public (int Start, int Length) Add(ReadOnlySpan<char> text)
        {
            var canonical = CanonicalForm.CreateRented(text, out var rented);
            try
            {
                if (_length + canonical.Length > _buffer.Length)
                {
                    var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + canonical.Length));
                    _buffer.AsSpan(0, _length).CopyTo(bigger);
                    ArrayPool<char>.Shared.Return(_buffer);
                    _buffer = bigger;
                }

                canonical.CopyTo(_buffer.AsSpan(_length));
                var range = (_length, canonical.Length);
                _length += canonical.Length;
                return range;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }

    /// <summary>A 256-bit one-hash Bloom filter of a block's words.</summary>
    private struct WordFilter
    {
        private Bits _bits;

        public void Add(ulong hash) =>
            // Indexed rather than switched on: the word's two bits are random, so a switch mispredicts on most words.
            _bits[(int)((hash >> 6) & 3)] |= 1UL << (int)(hash & 63);

        public readonly bool IsSubsetOf(WordFilter other) =>
            (_bits[0] & ~other._bits[0]) == 0 && (_bits[1] & ~other._bits[1]) == 0 &&
            (_bits[2] & ~other._bits[2]) == 0 && (_bits[3] & ~other._bits[3]) == 0;

        public readonly double Similarity(WordFilter other)
        {
            int and = 0, or = 0;
            for (var i = 0; i < 4; i++)
            {
                and += BitOperations.PopCount(_bits[i] & other._bits[i]);
                or += BitOperations.PopCount(_bits[i] | other._bits[i]);
            }

            return or == 0 ? 1.0 : (double)and / or;
        }

        [InlineArray(4)]
        private struct Bits
        {
            private ulong _element;
        }
    }
}
