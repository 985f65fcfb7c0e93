using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Storage.Outputs;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Step checkpoints as blobs in the state container, written once (<c>If-None-Match: *</c>): the first
/// writer of a checkpoint wins and every later delivery of the run reads the same outcome.
/// </summary>
public sealed class CheckpointStore
{
    private readonly PipelineStorage _storage;

    /// <summary>Creates the store over the pipeline's state container.</summary>
    public CheckpointStore(PipelineStorage storage) => _storage = storage;

    /// <summary>Loads a step's checkpoint, or null when the step has none yet.</summary>
    public Task<T?> TryLoadAsync<T>(string runId, string step, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class =>
        TryLoadFromAsync(OutputNames.Checkpoint(runId, step), type, cancellationToken);

    /// <summary>
    /// Stores a step's checkpoint unless one exists; returns the checkpoint that is stored afterwards
    /// (the given one, or the one another delivery wrote first).
    /// </summary>
    public async Task<T> SaveAsync<T>(string runId, string step, T outcome, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var blob = _storage.State.GetBlobClient(OutputNames.Checkpoint(runId, step));
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(outcome, type)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
            return outcome;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await TryLoadAsync(runId, step, type, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Checkpoint {step} of run {runId} exists but cannot be read.", ex);
        }
    }

    /// <summary>
    /// Marks a step done, for steps whose outcome is their effect: an empty blob, written once. Empty because
    /// Azurite reads an upload's content back to hash it, which makes a marker with content a third dearer.
    /// </summary>
    public async Task MarkAsync(string runId, string step, CancellationToken cancellationToken)
    {
        try
        {
            await _storage.State.GetBlobClient(OutputNames.Checkpoint(runId, step)).UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another delivery of the run marked it first.
        }
    }

    /// <summary>Whether a step has a checkpoint (see <see cref="MarkAsync"/>).</summary>
    public async Task<bool> ExistsAsync(string runId, string step, CancellationToken cancellationToken)
    {
        var response = await _storage.State.GetBlobClient(OutputNames.Checkpoint(runId, step))
            .ExistsAsync(cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Records the last error of a run (overwritten by each failed attempt).</summary>
    public Task SaveLastErrorAsync(string runId, Core.Documents.ProcessingError error, CancellationToken cancellationToken) =>
        _storage.State.GetBlobClient(OutputNames.LastError(runId)).UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJson.Default.ProcessingError)),
            overwrite: true,
            cancellationToken);

    /// <summary>The last error of a run, if one was recorded.</summary>
    public Task<Core.Documents.ProcessingError?> TryLoadLastErrorAsync(string runId, CancellationToken cancellationToken) =>
        TryLoadFromAsync(OutputNames.LastError(runId), RuntimeJson.Default.ProcessingError, cancellationToken);

    private async Task<T?> TryLoadFromAsync<T>(string blobName, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var content = await _storage.State.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(content.Value.Content.ToMemory().Span, type);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
