using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// Handles one delivery of a work item, for any host whose queue runtime owns the message (the Azure
/// Functions queue trigger: it deletes the message on success, makes it visible again on an exception,
/// and moves it to the poison queue after <c>maxDequeueCount</c>). On the last allowed delivery a failure
/// also writes the run's <c>failed</c> result before the exception goes back to the runtime.
/// </summary>
public sealed class WorkItemHandler
{
    private readonly RunExecutor _executor;
    private readonly OutputWriter _writer;
    private readonly CheckpointStore _checkpoints;
    private readonly QueuesOptions _queues;
    private readonly ILogger<WorkItemHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public WorkItemHandler(RunExecutor executor, OutputWriter writer, CheckpointStore checkpoints, IOptions<HostJsonOptions> host, ILogger<WorkItemHandler> logger)
    {
        _executor = executor;
        _writer = writer;
        _checkpoints = checkpoints;
        _queues = host.Value.Queues;
        _logger = logger;
    }

    /// <summary>Runs the work item; returns its result, or null when its input version no longer exists.</summary>
    /// <param name="item">The work item.</param>
    /// <param name="dequeueCount">The delivery count the queue reports (1 on the first delivery).</param>
    /// <param name="cancellationToken">Cancels the run (it resumes from its checkpoints on the next delivery).</param>
    /// <exception cref="Exception">The run failed; the runtime should retry or poison the message.</exception>
    public async Task<DocumentRecord?> HandleAsync(WorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            var run = await _executor.ExecuteAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false);
            if (run.SupersededReason is { } reason)
            {
                Log.RunSuperseded(_logger, item.RunId, item.Name, reason);
                return null;
            }

            Log.RunCompleted(_logger, run.Record!);
            return run.Record;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = new ProcessingError(ex.GetType().Name, StorageTransientFaults.Describe(ex), (int)dequeueCount);
            await _checkpoints.SaveLastErrorAsync(item.RunId, error, cancellationToken).ConfigureAwait(false);
            if (dequeueCount >= _queues.MaxDequeueCount)
            {
                var record = FailedRecord.ForRun(item.RunId, item.Name, item.ETag, error);
                var resultBlob = await _writer.WriteResultAsync(record, cancellationToken).ConfigureAwait(false);
                await _writer.SendEventAsync(item.RunId, record, resultBlob, cancellationToken).ConfigureAwait(false);
                Log.RunPoisoned(_logger, item.RunId, item.Name, dequeueCount, error.Message);
            }

            throw;
        }
    }
}
