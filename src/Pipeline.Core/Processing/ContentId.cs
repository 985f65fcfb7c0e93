using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Core.Processing;

/// <summary>Content-addressed ids and hashes: lowercase hex, stable across processes and versions.</summary>
public static class ContentId
{
    /// <summary>Length of a document id in hex digits (128 bits: collisions are not a practical concern).</summary>
    public const int Length = 32;

    /// <summary>The id of a clean text: the first 128 bits of the SHA-256 of its UTF-8 bytes.</summary>
    public static string ForText(string cleanText)
    {
        ArgumentNullException.ThrowIfNull(cleanText);

        // Pooled bytes: the clean text is the size of the document, and its UTF-8 copy is needed only for the hash.
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(cleanText.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(cleanText, rented);
            return IdOf(rented.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The id of raw bytes that produced no text (rejected or failed inputs).</summary>
    public static string ForBytes(ReadOnlySpan<byte> bytes) => IdOf(bytes);

    // The id's hex only: the first Length / 2 bytes of the hash, so no full-length hex string is made and cut.
    private static string IdOf(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    /// <summary>Lowercase hex SHA-256.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}
