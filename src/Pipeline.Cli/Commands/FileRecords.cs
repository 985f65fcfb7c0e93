using System.Runtime.CompilerServices;
using Pipeline.Core.Batches;
using Pipeline.Core.Deduplication;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The result records of one local file: one for a single document, one per record for a batch (JSON Lines, WARC/WET,
/// gzip), streamed as the batch is read so memory stays bounded whatever its size. A file or record whose processing
/// throws gets a <c>failed</c> record and the rest go on.
/// </summary>
internal static class FileRecords
{
    /// <summary>Processes the file at <paramref name="path"/>, which also names its records, claiming each in <paramref name="index"/>.</summary>
    public static async IAsyncEnumerable<DocumentRecord> ProcessAsync(
        DocumentProcessor processor, IDedupIndex index, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (stream, kind, document, failure) = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        if (stream is null || kind is null)
        {
            yield return await ProcessDocumentAsync(processor, index, path, document ?? [], cancellationToken).ConfigureAwait(false);
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            var reader = BatchReader.Open(stream, kind);
            while (true)
            {
                var (record, readFailure) = await ReadAsync(reader, path, cancellationToken).ConfigureAwait(false);
                if (readFailure is not null)
                {
                    // The reader's place in the stream is unknown after an error: the rest of this batch is not read.
                    yield return readFailure;
                    yield break;
                }

                if (record is null)
                {
                    yield break;
                }

                yield return await ProcessRecordAsync(processor, index, path, record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A batch comes back open at its start. A single document comes back as its bytes, read through the same stream, so
    // an input that cannot be read twice (a pipe, /dev/stdin) still works as it did before batches.
    private static async Task<(Stream? Batch, BatchKind? Kind, byte[]? Document, DocumentRecord? Failure)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Stream? stream = null;
        try
        {
            stream = File.OpenRead(path);
            var head = new byte[BatchSniffer.HeadLength];
            var filled = 0;
            int read;
            while (filled < head.Length && (read = await stream.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (BatchSniffer.Sniff(path, head.AsSpan(0, filled)) is { } kind)
            {
                Stream batch;
                if (stream.CanSeek)
                {
                    stream.Seek(0, SeekOrigin.Begin);
                    batch = stream;
                }
                else
                {
                    // A pipe cannot go back: its head is given again ahead of the rest.
                    batch = new HeadReplayStream(head.AsMemory(0, filled), stream);
                }

                stream = null;
                return (batch, kind, null, null);
            }

            using var document = new MemoryStream();
            document.Write(head, 0, filled);
            await stream.CopyToAsync(document, cancellationToken).ConfigureAwait(false);
            return (null, null, document.ToArray(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, null, null, FailedRecord.Create(path, [], ex, attempts: 1));
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(BatchRecord? Record, DocumentRecord? Failure)> ReadAsync(BatchReader reader, string path, CancellationToken cancellationToken)
    {
        var next = reader.NextIndex;
        try
        {
            return (await reader.ReadAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = FailedRecord.Create(path, [], ex, attempts: 1);
            return (null, failed with { Source = failed.Source with { Record = next } });
        }
    }

    private static async Task<DocumentRecord> ProcessDocumentAsync(DocumentProcessor processor, IDedupIndex index, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            return await processor.ProcessAsync(new RawInput(path, bytes), index, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad input must not end the run: it gets a `failed` record with its error.
            return FailedRecord.Create(path, bytes, ex, attempts: 1);
        }
    }

    private static async Task<DocumentRecord> ProcessRecordAsync(DocumentProcessor processor, IDedupIndex index, string path, BatchRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = BatchRecordInput.Prepare(processor, path, record);
            if (prepared.IsRejected)
            {
                return processor.Complete(prepared, DedupDecision.Canonical);
            }

            // The claimant names the record, not just the batch and the bytes: a record repeated within one batch is a
            // duplicate, not a retry of the same claim.
            var claimant = $"{path}#{record.Index}\n{prepared.Source.Sha256}";
            var decision = await index.ClaimAsync(DocumentProcessor.ClaimOf(prepared, claimant), cancellationToken).ConfigureAwait(false);
            return processor.Complete(prepared, decision);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = FailedRecord.Create(path, BatchRecordInput.ToRawInput(path, record).Content.Span, ex, attempts: 1);
            return failed with { Source = failed.Source with { Record = record.Index } };
        }
    }
}
