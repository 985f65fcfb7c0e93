namespace Pipeline.Core.Documents;

/// <summary>Content fingerprints of a document's canonical form.</summary>
/// <param name="Sha256">Lowercase hex SHA-256 of the canonical form (exact-duplicate key).</param>
/// <param name="Simhash">64-bit SimHash as 16 lowercase hex digits.</param>
/// <param name="Minhash">MinHash signature, one value per permutation.</param>
public sealed record Fingerprints(string Sha256, string Simhash, IReadOnlyList<uint> Minhash);
