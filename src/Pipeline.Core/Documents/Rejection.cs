namespace Pipeline.Core.Documents;

/// <summary>Why an input was rejected. <see cref="Reason"/> is a stable machine-readable code.</summary>
/// <param name="Reason">One of the <see cref="RejectionReasons"/> codes.</param>
/// <param name="Detail">A human-readable explanation.</param>
public sealed record Rejection(string Reason, string Detail);

/// <summary>The stable codes used in <see cref="Rejection.Reason"/>.</summary>
public static class RejectionReasons
{
    /// <summary>The input has no bytes.</summary>
    public const string Empty = "empty";

    /// <summary>The input decodes to whitespace (or invisible characters) only.</summary>
    public const string WhitespaceOnly = "whitespace-only";

    /// <summary>The input is larger than the configured limit.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The input looks like binary data, not text.</summary>
    public const string Binary = "binary";

    /// <summary>The input could not be decoded as text in any supported encoding.</summary>
    public const string Undecodable = "undecodable";

    /// <summary>After normalisation and boilerplate removal nothing of substance remains.</summary>
    public const string NoContent = "no-content";

    /// <summary>A record of a batch is not a record the batch's format allows (a line that is not a JSON object, a WARC header without its length).</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>A batch ends in the middle of a record (a truncated or corrupt gzip, a WARC block cut short).</summary>
    public const string Truncated = "truncated";
}
