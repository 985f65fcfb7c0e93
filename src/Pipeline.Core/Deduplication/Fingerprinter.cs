using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
        string sha256;
        string simhash;
        var canonical = CanonicalForm.CreateRented(cleanText, out var rented);
        try
        {
            sha256 = Sha256Hex(canonical);
            using var words = WordHashes.Of(canonical);
            simhash = SimHash.Compute(words, _options.SimHashShingleSize).ToString("x16", CultureInfo.InvariantCulture);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        var shingles = new PooledShingles();
        try
        {
            CollectShingles(cleanText, ref shingles);
            var minhash = MinHashSignature.Compute(shingles.Span, _options);
            sketch = ShingleSketch.Create(shingles.Span, _options.SketchSize);
            return new Fingerprints(sha256, simhash, minhash);
        }
        finally
        {
            shingles.Dispose();
        }
    }

    /// <summary>
    /// The near-duplicate shingles: word n-grams of each paragraph of at least <see cref="FingerprintOptions.MinParagraphWords"/>
    /// words (of every paragraph when none is that long), none spanning two paragraphs.
    /// </summary>
    private void CollectShingles(string cleanText, ref PooledShingles shingles)
    {
        var size = _options.ShingleSize;
        for (var pass = 0; pass < 2 && shingles.Count == 0; pass++)
        {
            var minWords = pass == 0 ? _options.MinParagraphWords : 0;
            var rest = cleanText.AsSpan();
            while (rest.Length > 0)
            {
                var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
                var paragraph = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[(end + 2)..];
                var canonical = CanonicalForm.CreateRented(paragraph, out var rented);
                try
                {
                    using var words = WordHashes.Of(canonical);
                    if (words.Count == 0 || words.Count < minWords)
                    {
                        continue;
                    }

                    var count = words.ShingleCount(size);
                    for (var s = 0; s < count; s++)
                    {
                        shingles.Add((uint)(words.Shingle(s, size) >> 32));
                    }
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
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
