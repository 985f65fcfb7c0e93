using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Buffers;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Computes a document's <see cref="Fingerprints"/> from its clean text: SHA-256 of the canonical form,
/// a 64-bit SimHash, a MinHash signature of its near-duplicate shingles, and their <see cref="ShingleSketch"/>.
/// Immutable and thread-safe.
/// </summary>
public sealed class Fingerprinter
{
    private readonly FingerprintOptions _options;

    /// <summary>Creates a fingerprinter.</summary>
    /// <param name="options">Options; <see cref="FingerprintOptions.Default"/> when null.</param>
    /// <exception cref="ValidationException">An option is out of range.</exception>
    public Fingerprinter(FingerprintOptions? options = null)
    {
        _options = options ?? FingerprintOptions.Default;
        _options.Validate();
    }

    /// <summary>The options in use.</summary>
    public FingerprintOptions Options => _options;

    /// <summary>Fingerprints <paramref name="cleanText"/>.</summary>
    /// <param name="cleanText">The document's clean text.</param>
    /// <returns>The fingerprints of its canonical form.</returns>
    public Fingerprints Compute(string cleanText) => Compute(cleanText, out _);

    /// <summary>Fingerprints <paramref name="cleanText"/> and makes the sketch its near-duplicate candidates are verified on.</summary>
    /// <param name="cleanText">The document's clean text, paragraphs separated by a blank line.</param>
    /// <param name="sketch">Receives the set of its near-duplicate shingles.</param>
    /// <returns>
    /// The fingerprints: the SHA-256 and SimHash of the canonical form of the whole text, and the MinHash signature of the
    /// near-duplicate shingles (word n-grams inside paragraphs long enough; see <see cref="FingerprintOptions"/>).
    /// </returns>
    public Fingerprints Compute(string cleanText, out ShingleSketch sketch)
    {
        ArgumentNullException.ThrowIfNull(cleanText);

        // Each paragraph is folded and its words hashed once: the canonical form of the whole text is the paragraphs'
        // forms joined by a space (NFKC and folding never reach across the blank line), so the whole-text hash, SimHash
        // and the per-paragraph shingles all come from one pass instead of two.
        var canonical = new CanonicalParagraphs(cleanText);
        try
        {
            var sha256 = Sha256Hex(canonical.Text);
            var words = WordHashes.Over(canonical.TakeWords(), canonical.WordCount);
            string simhash;
            try
            {
                simhash = SimHash.Compute(words, _options.SimHashShingleSize).ToString("x16", CultureInfo.InvariantCulture);
                var shingles = new PooledShingles();
                try
                {
                    CollectShingles(words.Words, canonical.Paragraphs, ref shingles);
                    var minhash = MinHashSignature.Compute(shingles.Span, _options);
                    sketch = ShingleSketch.Create(shingles.Span, _options.SketchSize);
                    return new Fingerprints(sha256, simhash, minhash);
                }
                finally
                {
                    shingles.Dispose();
                }
            }
            finally
            {
                words.Dispose();
            }
        }
        finally
        {
            canonical.Dispose();
        }
    }

    /// <summary>
    /// The near-duplicate shingles: word n-grams of each paragraph of at least <see cref="FingerprintOptions.MinParagraphWords"/>
    /// words (of every paragraph when none is that long), none spanning two paragraphs.
    /// </summary>
    private void CollectShingles(ReadOnlySpan<ulong> words, ReadOnlySpan<(int Start, int Count)> paragraphs, ref PooledShingles shingles)
    {
        var size = _options.ShingleSize;
        Span<ulong> hashes = stackalloc ulong[256];
        for (var pass = 0; pass < 2 && shingles.Count == 0; pass++)
        {
            var minWords = pass == 0 ? _options.MinParagraphWords : 0;
            foreach (var (start, count) in paragraphs)
            {
                if (count == 0 || count < minWords)
                {
                    continue;
                }

                var paragraph = words.Slice(start, count);
                for (int s = 0, n; (n = StableHash.Shingles(paragraph, size, s, hashes)) > 0; s += n)
                {
                    foreach (var h in hashes[..n])
                    {
                        shingles.Add((uint)(h >> 32));
                    }
                }
            }
        }
    }

    /// <summary>The canonical form of a clean text built paragraph by paragraph, with its word hashes and each paragraph's range of them.</summary>
    private struct CanonicalParagraphs : IDisposable
    {
        private char[] _chars;
        private ulong[]? _words;
        private int _length;
        private PooledList<(int Start, int Count)> _paragraphs;

        public CanonicalParagraphs(string cleanText)
        {
            _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, cleanText.Length));
            _words = ArrayPool<ulong>.Shared.Rent(Math.Max(16, (cleanText.Length / 2) + 1));
            _paragraphs = new PooledList<(int Start, int Count)>(16);
            var rest = cleanText.AsSpan();
            while (rest.Length > 0)
            {
                var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
                var paragraph = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[(end + 2)..];
                Add(paragraph);
            }
        }

        public readonly ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        public int WordCount { get; private set; }

        public readonly ReadOnlySpan<(int Start, int Count)> Paragraphs => _paragraphs.Span;

        /// <summary>Hands the word hashes' pooled array to the caller, who returns it.</summary>
        public ulong[] TakeWords()
        {
            var words = _words!;
            _words = null;
            return words;
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
            if (_words is not null)
            {
                ArrayPool<ulong>.Shared.Return(_words);
                _words = null;
            }

            _paragraphs.Dispose();
        }

        private void Add(ReadOnlySpan<char> paragraph)
        {
            var canonical = CanonicalForm.CreateRented(paragraph, out var rented);
            try
            {
                if (canonical.IsEmpty)
                {
                    _paragraphs.Add((WordCount, 0));
                    return;
                }

                // NFKC may lengthen a paragraph (ligatures, fractions), so the buffers grow as needed.
                Grow(ref _chars, _length + 1 + canonical.Length, _length);
                if (_length > 0)
                {
                    _chars[_length++] = ' ';
                }

                canonical.CopyTo(_chars.AsSpan(_length));
                _length += canonical.Length;
                Grow(ref _words!, WordCount + (canonical.Length / 2) + 1, WordCount);
                var count = StableHash.HashWords(canonical, _words.AsSpan(WordCount));
                _paragraphs.Add((WordCount, count));
                WordCount += count;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        private static void Grow<T>(ref T[] array, int needed, int used)
        {
            if (needed <= array.Length)
            {
                return;
            }

            var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
            array.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<T>.Shared.Return(array);
            array = bigger;
        }
    }

    /// <summary>A growable list of shingle hashes in pooled arrays.</summary>
    private struct PooledShingles : IDisposable
    {
        private uint[]? _items;

        public int Count { get; private set; }

        public readonly Span<uint> Span => _items is null ? default : _items.AsSpan(0, Count);

        public void Add(uint value)
        {
            if (_items is null || Count == _items.Length)
            {
                var grown = ArrayPool<uint>.Shared.Rent(Math.Max(256, Count * 2));
                Span.CopyTo(grown);
                if (_items is not null)
                {
                    ArrayPool<uint>.Shared.Return(_items);
                }

                _items = grown;
            }

            _items[Count++] = value;
        }

        public void Dispose()
        {
            if (_items is not null)
            {
                ArrayPool<uint>.Shared.Return(_items);
                _items = null;
            }
        }
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="canonical"/>.</summary>
    internal static string Sha256Hex(ReadOnlySpan<char> canonical)
    {
        var max = Encoding.UTF8.GetMaxByteCount(canonical.Length);
        byte[]? rented = null;
        Span<byte> bytes = max <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(canonical, bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
