using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Documents;

namespace Pipeline.Core.Deduplication;

/// <summary>
/// Computes a document's <see cref="Fingerprints"/> from its clean text: SHA-256 of the canonical form,
/// a 64-bit SimHash and a MinHash signature. Immutable and thread-safe.
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
    public Fingerprints Compute(string cleanText)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        var canonical = CanonicalForm.CreateRented(cleanText, out var rented);
        try
        {
            // The words are hashed once for both signatures.
            using var words = WordHashes.Of(canonical);
            return new Fingerprints(
                Sha256Hex(canonical),
                SimHash.Compute(words, _options.SimHashShingleSize).ToString("x16", CultureInfo.InvariantCulture),
                MinHashSignature.Compute(words, _options));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
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
