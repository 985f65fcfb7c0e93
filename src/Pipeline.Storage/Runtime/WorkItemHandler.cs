using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Documents;
using Pipeline.Core.Processing;
using Pipeline.Storage.Hosting;
using Pipeline.Storage.Outputs;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Steps;

namespace Pipeline.Storage.Runtime;

/// <summary>
/// What every host does with one delivery of a work item (<see cref="DeliverAsync"/>): run it, and on failure record
/// the error and, on the last allowed delivery, write the run's <c>failed</c> result; the <see cref="DeliveryPolicy"/>
/// decides what becomes of the message. The <c>pipeline worker</c>'s <see cref="QueueWorker"/> applies that decision to
/// the message itself; the Azure Functions queue trigger calls <see cref="HandleAsync"/>, which applies it the way the
/// Functions host settles messages (return to delete, throw to retry or poison).
/// </summary>
public sealed class WorkItemHandler
{
    private readonly RunExecutor _executor;
    private readonly OutputWriter _writer;
    private readonly CheckpointStore _checkpoints;
    private readonly QueuesOptions _queues;
    private readonly DeliveryPolicy _policy;
    private readonly Batches.BatchSummaryWriter? _batches;
    private readonly ILogger<WorkItemHandler> _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="executor">Runs the steps.</param>
    /// <param name="writer">Writes failed results.</param>
    /// <param name="checkpoints">Last errors and publish markers.</param>
    /// <param name="host">host.json's queue settings.</param>
    /// <param name="policy">What becomes of a delivery.</param>
    /// <param name="logger">The log.</param>
    /// <param name="batches">The fan-in a failed batch record's result counts towards (required for batch inputs).</param>
    public WorkItemHandler(RunExecutor executor, OutputWriter writer, CheckpointStore checkpoints, IOptions<HostJsonOptions> host, DeliveryPolicy policy, ILogger<WorkItemHandler> logger, Batches.BatchSummaryWriter? batches = null)
    {
        _batches = batches;
        ArgumentNullException.ThrowIfNull(host);
        _executor = executor;
        _writer = writer;
        _checkpoints = checkpoints;
        _queues = host.Value.Queues;
        _policy = policy;
        _logger = logger;
    }

    /// <summary>The protocol both hosts follow.</summary>
    public DeliveryPolicy Policy => _policy;

    /// <summary>
    /// One delivery of a work item, for any host: skips a run already published, poisons a delivery beyond the
    /// limit, otherwise runs it; on failure records the error, and when the policy poisons, writes the
    /// <c>failed</c> result first. Settling the message is the host's part (see <see cref="DeliveryResult"/>).
    /// </summary>
    /// <param name="item">The work item.</param>
    /// <param name="dequeueCount">The delivery count the queue reports (1 on the first delivery).</param>
    /// <param name="cancellationToken">Cancels the delivery (the run resumes from its checkpoints on the next one); a cancelled delivery throws.</param>
    public async Task<DeliveryResult> DeliverAsync(WorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var published = await IsAlreadyPublishedAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false);
        if (_policy.BeforeRun(dequeueCount, published) is { } early)
        {
            if (early.Action != DeliveryAction.Poison)
            {
                return new DeliveryResult(early, null, null);
            }

            // Deliveries beyond the limit without a recorded failure: the host died during each of them.
            var attempts = (int)(dequeueCount - 1);
            var lastError = await LastErrorAsync(item, cancellationToken).ConfigureAwait(false)
                ?? new ProcessingError("WorkerStopped", $"The run was started {attempts} times and never finished (the worker stopped while running it).", attempts);
            var record = await WriteFailedAsync(item, lastError with { Attempts = attempts }, cancellationToken).ConfigureAwait(false);
            return new DeliveryResult(early, record, null);
        }

        RunContext run;
        try
        {
            run = await RunAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = await RecordErrorAsync(item, ex, dequeueCount, cancellationToken).ConfigureAwait(false);
            var decision = _policy.AfterRun(dequeueCount, failed: true);
            var failed = decision.Action == DeliveryAction.Poison
                ? await WriteFailedAsync(item, error, cancellationToken).ConfigureAwait(false)
                : null;
            return new DeliveryResult(decision, failed, ExceptionDispatchInfo.Capture(ex));
        }

        var result = run.SupersededReason is null ? run.Record : null;
        return new DeliveryResult(_policy.AfterRun(dequeueCount, failed: false), result, null) { Completed = true };
    }

    /// <summary>
    /// For a host whose queue runtime owns the message (the Functions queue trigger): one <see cref="DeliverAsync"/>,
    /// its decision applied as that runtime settles messages. Returns the run's result (null when its input version
    /// no longer exists or an earlier delivery already published it) for the runtime to delete the message; rethrows
    /// the run's failure for it to retry after <c>visibilityTimeout</c> or, once the <c>failed</c> result is written,
    /// to poison the message. The run is marked published as soon as it completes, since this host cannot see whether
    /// the runtime's delete of the message succeeds.
    /// </summary>
    /// <param name="item">The work item.</param>
    /// <param name="dequeueCount">The delivery count the queue reports (1 on the first delivery).</param>
    /// <param name="cancellationToken">Cancels the run (it resumes from its checkpoints on the next delivery).</param>
    public async Task<DocumentRecord?> HandleAsync(WorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        var result = await DeliverAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false);
        if (result.Completed)
        {
            await MarkPublishedAsync(item).ConfigureAwait(false);
        }

        if (result.Decision.Action == DeliveryAction.Delete)
        {
            return result.Record;
        }

        result.Failure?.Throw();

        // Poisoned without a failure of its own (delivered beyond maxDequeueCount): throw so the runtime poisons it.
        throw new InvalidOperationException(
            $"Work item {item.RunId} was delivered {dequeueCount} times, more than maxDequeueCount ({_policy.MaxDequeueCount}); its failed result is written.");
    }

    /// <summary>Runs the work item's steps and logs the result (one line per result).</summary>
    public async Task<RunContext> RunAsync(WorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var run = await _executor.ExecuteAsync(item, dequeueCount, cancellationToken).ConfigureAwait(false);
        if (run.SupersededReason is { } reason)
        {
            Log.RunSuperseded(_logger, item.RunId, item.Name, reason);
        }
        else if (run.FanOut is null) // a fan-out logs its batch; each record's run logs its own result
        {
            Log.RunCompleted(_logger, run.Record!);
        }

        return run;
    }

    /// <summary>Saves the error of a failed delivery as the run's last error, and returns it.</summary>
    public async Task<ProcessingError> RecordErrorAsync(WorkItem item, Exception exception, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(exception);
        var error = new ProcessingError(exception.GetType().Name, StorageTransientFaults.Message(exception), (int)dequeueCount);

        // Logged before the save, with the exception itself (type, message, stack): a save that fails loses nothing of it.
        if (_policy.IsLastDelivery(dequeueCount))
        {
            Log.RunFailedLastDelivery(_logger, item.RunId, item.Name, dequeueCount, exception);
        }
        else if (StorageTransientFaults.IsTransient(exception))
        {
            // An outage fails every run in flight the same way; one line each (the request's retries logged the fault already).
            Log.RunFailedOnStorageFault(_logger, item.RunId, item.Name, dequeueCount, _queues.MaxDequeueCount, _queues.VisibilityTimeout, error.Message);
        }
        else
        {
            Log.RunFailedWillRetry(_logger, item.RunId, item.Name, dequeueCount, _queues.MaxDequeueCount, _queues.VisibilityTimeout, exception);
        }

        await _checkpoints.SaveLastErrorAsync(item.RunId, error, cancellationToken).ConfigureAwait(false);

        return error;
    }

    /// <summary>
    /// Records that a run was published, so that a redelivery of its message does not send its event again
    /// (see <see cref="PublishStep"/>). Best effort: a failure is logged, and the redelivery then repeats the event.
    /// </summary>
    public async Task MarkPublishedAsync(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _checkpoints.MarkAsync(item.RunId, PublishStep.StepName, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.PublishMarkFailed(_logger, item.RunId, item.Name, StorageTransientFaults.Describe(ex));
        }
    }

    /// <summary>
    /// Whether a redelivered work item's run was already published (it is marked, see
    /// <see cref="MarkPublishedAsync"/>), so that its message only needs settling. First deliveries are not
    /// checked: no marker can exist yet.
    /// </summary>
    public async Task<bool> IsAlreadyPublishedAsync(WorkItem item, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (dequeueCount <= 1 || !await _checkpoints.ExistsAsync(item.RunId, PublishStep.StepName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Log.RunAlreadyPublished(_logger, item.RunId, item.Name);
        return true;
    }

    /// <summary>The last error recorded for a run, if any.</summary>
    public Task<ProcessingError?> LastErrorAsync(WorkItem item, CancellationToken cancellationToken) =>
        _checkpoints.TryLoadLastErrorAsync(item.RunId, cancellationToken);

    /// <summary>Writes the run's <c>failed</c> result and its event: the run's one result, with its last error.</summary>
    public async Task<DocumentRecord> WriteFailedAsync(WorkItem item, ProcessingError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Record is { } failedIndex && item.Source is { } from)
        {
            // Before the result: a replay that finds the record failed finds where to read it again.
            await _checkpoints.SaveAsync(item.RunId, Batches.BatchRecordSource.StepName, new Batches.BatchRecordSource(failedIndex, from), RuntimeJson.Default.BatchRecordSource, cancellationToken).ConfigureAwait(false);
        }

        var failed = FailedRecord.ForRun(item.RunId, item.Name, item.ETag, error);
        var record = item.Record is { } index ? failed with { Source = failed.Source with { Record = index } } : failed;
        var resultBlob = await _writer.WriteResultAsync(record, cancellationToken).ConfigureAwait(false);
        await _writer.SendEventAsync(item.RunId, record, resultBlob, cancellationToken).ConfigureAwait(false);
        Log.RunPoisoned(_logger, item.RunId, item.Record is { } i ? $"{item.Name} #{i}" : item.Name, error.Attempts, error.Message);
        if (_batches is not null)
        {
            // A failed record is a result of its batch like any other: it may be the one that completes it.
            await _batches.RecordCompletedAsync(item, repeated: true, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }
}
