using System.Text;
using Pipeline.Core.Processing;

namespace Pipeline.Storage.Outputs;

/// <summary>
/// Names of everything the pipeline writes. Names derive from ids and hashes; an input's own name is
/// used only when it is plainly safe, so no input name can steer a write out of its container or prefix.
/// </summary>
public static class OutputNames
{
    /// <summary>Blob names are at most 1,024 characters.</summary>
    public const int MaxBlobNameLength = 1024;

    /// <summary>Prefix for results of inputs whose names cannot be used as they are.</summary>
    public const string EscapedPrefix = "_escaped/";

    /// <summary>
    /// The result blob of an input: <c>{name}.json</c> when the name is safe, else
    /// <c>_escaped/{sha256(name)}.json</c> (the record inside still carries the original name).
    /// </summary>
    public static string ResultBlob(string inputName) =>
        IsSafe(inputName) && inputName.Length + 5 <= MaxBlobNameLength
            ? inputName + ".json"
            : EscapedPrefix + ContentId.ForBytes(Encoding.UTF8.GetBytes(inputName)) + ".json";

    /// <summary>
    /// The result blob of one record of a batch: <c>{name}/{index}.json</c> (index zero-padded to six digits or more,
    /// so listings sort), or <c>_escaped/{sha256(name)}/{index}.json</c> when the batch's name cannot be used as it is.
    /// </summary>
    public static string RecordResultBlob(string batchName, long index) => RecordResultsPrefix(batchName) + RecordIndex(index) + ".json";

    /// <summary>The prefix every record result of a batch shares (ends with <c>/</c>).</summary>
    public static string RecordResultsPrefix(string batchName) =>
        IsSafe(batchName) && batchName.Length + 40 <= MaxBlobNameLength
            ? batchName + "/"
            : EscapedPrefix + ContentId.ForBytes(Encoding.UTF8.GetBytes(batchName)) + "/";

    /// <summary>The result blob of a record (<see cref="RecordResultBlob"/>) or of a file (<see cref="ResultBlob(string)"/>).</summary>
    public static string ResultBlobOf(string inputName, long? record) =>
        record is { } index ? RecordResultBlob(inputName, index) : ResultBlob(inputName);

    /// <summary>A record index as result names write it: zero-padded to six digits (more when larger).</summary>
    public static string RecordIndex(long index) =>
        index >= 0 ? index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A batch record's staged content, in the state container, until its run has published.</summary>
    public static string StagedRecord(string batchRunId, long index) => $"batches/{CheckId(batchRunId)}/records/{RecordIndex(index)}.json";

    /// <summary>The set of a batch's fan-in chunks whose records all have their results, in the state container.</summary>
    public static string BatchCompletion(string batchRunId) => $"batches/{CheckId(batchRunId)}/complete";

    /// <summary>The marker that a batch's summary event was sent, in the state container.</summary>
    public static string SummaryEventSent(string batchRunId) => $"batches/{CheckId(batchRunId)}/summary-event";

    /// <summary>The document blob of a canonical document.</summary>
    public static string DocumentBlob(string id) => CheckId(id) + ".json";

    /// <summary>The clean-text blob of a canonical document.</summary>
    public static string TextBlob(string id) => CheckId(id) + ".txt";

    /// <summary>A run's checkpoint of one step, in the state container.</summary>
    public static string Checkpoint(string runId, string step) => $"runs/{CheckId(runId)}/{CheckStep(step)}.json";

    /// <summary>The last error of a run, in the state container.</summary>
    public static string LastError(string runId) => $"runs/{CheckId(runId)}/last-error.json";

    /// <summary>Where receipts live in the state container.</summary>
    public const string ReceiptsPrefix = "receipts/";

    /// <summary>
    /// The receipt of one blob version, in the state container: <c>receipts/{container}/{name}/{etag}</c>
    /// when the name is safe, so that a scanner can list the receipts of many blobs in one request by name
    /// prefix (<see cref="ReceiptsOf"/>); else <c>receipts/_escaped/{runId}</c>, which is checked blob by blob.
    /// </summary>
    /// <param name="container">The blob's container.</param>
    /// <param name="name">The blob's name.</param>
    /// <param name="etag">The blob version's ETag (quotes are dropped).</param>
    /// <param name="runId">The version's run id, for the escaped form.</param>
    public static string Receipt(string container, string name, string etag, string runId)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(etag);
        var tag = etag.Trim('"');
        var listed = ReceiptsOf(container, name) + "/" + tag;
        return IsSafe(name) && tag.Length > 0 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && listed.Length <= MaxBlobNameLength
            ? listed
            : ReceiptsPrefix + EscapedPrefix + CheckId(runId);
    }

    /// <summary>
    /// The prefix shared by the listed receipts of every blob of <paramref name="container"/> whose name starts
    /// with <paramref name="namePrefix"/>.
    /// </summary>
    public static string ReceiptsOf(string container, string namePrefix) => ReceiptsPrefix + CheckStep(container) + "/" + namePrefix;

    /// <summary>The scan state of one container, in the state container.</summary>
    public static string ScanState(string container) => $"scans/{CheckStep(container)}.json";

    /// <summary>
    /// Whether a name can be used in an output name as it is: no empty, <c>.</c> or <c>..</c> segments
    /// (HTTP clients collapse dot segments, which would move the write), no backslash, no control
    /// characters, no leading or trailing slash, and not inside <see cref="EscapedPrefix"/>.
    /// </summary>
    public static bool IsSafe(string name)
    {
        // A name inside the escaped prefix could be chosen to equal another input's escaped result and overwrite it.
        if (string.IsNullOrEmpty(name) || name.Contains('\\') || name.StartsWith('/') || name.EndsWith('/') ||
            name.StartsWith(EscapedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.EndsWith('.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string CheckId(string id)
    {
        if (id.Length == 0 || !id.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{id}' is not an id (lowercase hex).", nameof(id));
        }

        return id;
    }

    private static string CheckStep(string step)
    {
        if (step.Length == 0 || !step.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{step}' is not a step or container name.", nameof(step));
        }

        return step;
    }
}
