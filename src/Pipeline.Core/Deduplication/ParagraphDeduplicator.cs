using System.Numerics;
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
/// built only for blocks that can plausibly match; the pairwise search as a whole is capped by
/// <see cref="ParagraphDedupOptions.MaxComparisonWork"/>, after which only exact repeats merge. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ParagraphDeduplicator
{
    private const long OrderGap = 1L << 20;

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
        var run = new Run(_options);
        foreach (var block in blocks)
        {
            run.Add(block);
        }

        return run.Finish();
    }

    /// <summary>One deduplication pass; holds all mutable state.</summary>
    private sealed class Run(ParagraphDedupOptions options)
    {
        private readonly LinkedList<Entry> _kept = new();
        private readonly List<Entry> _all = [];
        private readonly CanonicalStore _store = new();
        private readonly Dictionary<ulong, Entry> _byCanonical = [];
        private readonly List<Entry> _pending = [];
        private LinkedListNode<Entry>? _lastAnchor;
        private int _removed;
        private long _work;

        public void Add(TextBlock block)
        {
            var entry = new Entry(block, _store.Add(block.Text), _store);
            var match = FindMatch(entry);
            if (match is null)
            {
                _all.Add(entry);
                _byCanonical.TryAdd(entry.Key, entry);
                if (_lastAnchor is null)
                {
                    Append(entry);
                }
                else
                {
                    _pending.Add(entry);
                }

                return;
            }

            _removed++;
            // The fuller variant (more canonical text) wins; equal canonical forms keep the first wording.
            if (entry.Canonical.Length > match.Canonical.Length)
            {
                match.TakeTextOf(entry);
                _byCanonical.TryAdd(entry.Key, match);
            }

            if (match.Node is null)
            {
                return; // a repeat inside the held blocks: not an anchor
            }

            if (_pending.Count > 0)
            {
                // Alignment merges renumber the kept list now and then; once the work budget is spent, held blocks are appended.
                if (_lastAnchor is not null && match.Node.Value.Order > _lastAnchor.Value.Order && _work <= options.MaxComparisonWork)
                {
                    var after = _lastAnchor;
                    foreach (var held in _pending)
                    {
                        after = InsertAfter(after, held);
                    }
                }
                else
                {
                    _pending.ForEach(Append);
                }

                _pending.Clear();
            }

            _lastAnchor = match.Node;
        }

        public ParagraphDedupResult Finish()
        {
            _pending.ForEach(Append);
            _pending.Clear();
            _store.Dispose();
            var blocks = new List<TextBlock>(_kept.Count);
            foreach (var entry in _kept)
            {
                blocks.Add(entry.Block);
            }

            return new ParagraphDedupResult(blocks, _removed);
        }

        private Entry? FindMatch(Entry entry)
        {
            if (_byCanonical.TryGetValue(entry.Key, out var exact) && entry.Canonical.SequenceEqual(exact.Canonical))
            {
                return exact;
            }

            foreach (var other in _all)
            {
                // Hostile inputs (a million distinct lines) would make this all-pairs search quadratic; past the budget only exact repeats merge.
                if (++_work > options.MaxComparisonWork)
                {
                    return null;
                }

                if (other.Block.Kind != entry.Block.Kind)
                {
                    continue;
                }

                if (IsContained(entry, other) || IsNear(entry, other))
                {
                    return other;
                }
            }

            return null;
        }

        private bool IsContained(Entry a, Entry b)
        {
            var (shorter, longer) = a.Canonical.Length <= b.Canonical.Length ? (a, b) : (b, a);
            if (shorter.WordCount < options.MinContainedWords || shorter.Canonical.Length == longer.Canonical.Length ||
                !shorter.Filter.IsSubsetOf(longer.Filter))
            {
                return false;
            }

            _work += longer.Canonical.Length / 64;
            return ContainsWords(longer.Canonical, shorter.Canonical);
        }

        private bool IsNear(Entry a, Entry b)
        {
            var threshold = options.NearDuplicateThreshold;
            if (threshold >= 1.0 || a.WordCount == 0 || b.WordCount == 0)
            {
                return false;
            }

            // Cheap necessary conditions first: similar length, similar word sets.
            var ratio = (double)Math.Min(a.WordCount, b.WordCount) / Math.Max(a.WordCount, b.WordCount);
            if (ratio < threshold - 0.05 || a.Filter.Similarity(b.Filter) < threshold - 0.25)
            {
                return false;
            }

            _work += (a.Canonical.Length + b.Canonical.Length) / 64;
            var sa = a.Shingles(options.ShingleSize);
            var sb = b.Shingles(options.ShingleSize);
            var shared = 0;
            foreach (var s in sa)
            {
                if (sb.Contains(s))
                {
                    shared++;
                }
            }

            var union = sa.Count + sb.Count - shared;
            return union > 0 && (double)shared / union >= threshold;
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

        private void Append(Entry entry)
        {
            entry.Order = _kept.Last is null ? 0 : _kept.Last.Value.Order + OrderGap;
            entry.Node = _kept.AddLast(entry);
        }

        private LinkedListNode<Entry> InsertAfter(LinkedListNode<Entry> node, Entry entry)
        {
            var next = node.Next;
            if (next is null)
            {
                Append(entry);
                return entry.Node!;
            }

            if (next.Value.Order - node.Value.Order < 2)
            {
                Renumber();
            }

            entry.Order = node.Value.Order + ((next.Value.Order - node.Value.Order) / 2);
            entry.Node = _kept.AddAfter(node, entry);
            return entry.Node;
        }

        private void Renumber()
        {
            _work += _kept.Count;
            long order = 0;
            foreach (var entry in _kept)
            {
                entry.Order = order;
                order += OrderGap;
            }
        }
    }

    /// <summary>
    /// The canonical forms of one run's blocks, appended to one pooled buffer rather than a string each,
    /// to keep allocations per document low.
    /// </summary>
    private sealed class CanonicalStore : IDisposable
    {
        private char[] _buffer = System.Buffers.ArrayPool<char>.Shared.Rent(4096);
        private int _length;

        public ReadOnlySpan<char> this[(int Start, int Length) range] => _buffer.AsSpan(range.Start, range.Length);

        public (int Start, int Length) Add(string text)
        {
            var canonical = CanonicalForm.CreateRented(text, out var rented);
            try
            {
                if (_length + canonical.Length > _buffer.Length)
                {
                    var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + canonical.Length));
                    _buffer.AsSpan(0, _length).CopyTo(bigger);
                    System.Buffers.ArrayPool<char>.Shared.Return(_buffer);
                    _buffer = bigger;
                }

                canonical.CopyTo(_buffer.AsSpan(_length));
                var range = (_length, canonical.Length);
                _length += canonical.Length;
                return range;
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }

        public void Dispose()
        {
            System.Buffers.ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }

    /// <summary>A block with its canonical form and comparison aids.</summary>
    private sealed class Entry
    {
        private readonly CanonicalStore _store;
        private HashSet<ulong>? _shingles;
        private (int Start, int Length) _canonical;

        public Entry(TextBlock block, (int Start, int Length) canonical, CanonicalStore store)
        {
            Block = block;
            _store = store;
            SetCanonical(canonical);
        }

        public TextBlock Block { get; private set; }

        public ReadOnlySpan<char> Canonical => _store[_canonical];

        /// <summary>Stable hash of <see cref="Canonical"/>, the exact-repeat key.</summary>
        public ulong Key { get; private set; }

        public int WordCount { get; private set; }

        public WordFilter Filter { get; private set; }

        public LinkedListNode<Entry>? Node { get; set; }

        public long Order { get; set; }

        public HashSet<ulong> Shingles(int size)
        {
            if (_shingles is null)
            {
                using var words = WordHashes.Of(Canonical);
                var count = words.ShingleCount(size);
                _shingles = new HashSet<ulong>(count);
                for (var i = 0; i < count; i++)
                {
                    _shingles.Add(words.Shingle(i, size));
                }
            }

            return _shingles;
        }

        /// <summary>Takes the fuller variant's text, keeping this block's kind and place.</summary>
        public void TakeTextOf(Entry fuller)
        {
            Block = Block with { Text = fuller.Block.Text };
            if (!Canonical.SequenceEqual(fuller.Canonical))
            {
                SetCanonical(fuller._canonical);
                _shingles = null;
            }
        }

        private void SetCanonical((int Start, int Length) canonical)
        {
            _canonical = canonical;
            Key = StableHash.Hash(Canonical);
            var filter = default(WordFilter);
            var words = 0;
            var span = Canonical;
            while (span.Length > 0)
            {
                var space = span.IndexOf(' ');
                filter.Add(StableHash.Hash(space < 0 ? span : span[..space]));
                words++;
                span = space < 0 ? default : span[(space + 1)..];
            }

            WordCount = words;
            Filter = filter;
        }
    }

    /// <summary>A 256-bit one-hash Bloom filter of a block's words.</summary>
    private struct WordFilter
    {
        private ulong _a, _b, _c, _d;

        public void Add(ulong hash)
        {
            var bit = 1UL << (int)(hash & 63);
            switch ((hash >> 6) & 3)
            {
                case 0: _a |= bit; break;
                case 1: _b |= bit; break;
                case 2: _c |= bit; break;
                default: _d |= bit; break;
            }
        }

        public readonly bool IsSubsetOf(WordFilter other) =>
            (_a & ~other._a) == 0 && (_b & ~other._b) == 0 && (_c & ~other._c) == 0 && (_d & ~other._d) == 0;

        public readonly double Similarity(WordFilter other)
        {
            var and = BitOperations.PopCount(_a & other._a) + BitOperations.PopCount(_b & other._b) +
                      BitOperations.PopCount(_c & other._c) + BitOperations.PopCount(_d & other._d);
            var or = BitOperations.PopCount(_a | other._a) + BitOperations.PopCount(_b | other._b) +
                     BitOperations.PopCount(_c | other._c) + BitOperations.PopCount(_d | other._d);
            return or == 0 ? 1.0 : (double)and / or;
        }
    }
}
