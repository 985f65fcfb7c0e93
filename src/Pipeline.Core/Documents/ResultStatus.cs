using System.Text.Json.Serialization;

namespace Pipeline.Core.Documents;

/// <summary>The one outcome every input ends in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultStatus>))]
public enum ResultStatus
{
    /// <summary>A canonical document was produced.</summary>
    [JsonStringEnumMemberName("processed")] Processed,

    /// <summary>The input repeats a document already ingested (exactly or nearly).</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,

    /// <summary>The input is not text the pipeline can use; <see cref="DocumentRecord.Rejection"/> says why.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>Processing failed after its retries; <see cref="DocumentRecord.Error"/> holds the last error.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
