using System.Text.Json;
using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
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
/// Takes work items off the work queue and runs them, with the queue trigger's semantics from host.json:
/// batches of <c>batchSize</c>, a new batch when in-flight runs fall to <c>newBatchThreshold</c>, polling
/// backing off to <c>maxPollingInterval</c> (and, as in Functions, a short pause after each batch so that
/// workers sharing a busy queue take batches rather than a message or two per receive), a failed run retried
/// after <c>visibilityTimeout</c>, and moved to the poison queue (its result <c>failed</c>) after
/// <c>maxDequeueCount</c> deliveries: the <see cref="DeliveryPolicy"/> decides, this applies the decision. A
/// run's message stays invisible while it runs (renewed) and is deleted only after <c>publish</c>; if it outlives
/// a completed run (the delete fails, the lease was lost), the run is marked published, and a redelivery of a
/// published run only settles the message.
/// </summary>
public sealed class QueueWorker : BackgroundService
{
    /// <summary>
    /// The pause after a batch and the first back-off step on an empty queue: Functions' queue listener
    /// (<c>QueuePollingIntervals.Minimum</c>). Without it, each of two workers on a busy queue received one or
    /// two messages per call, and every receive costs the storage account as much as a blob write.
    /// </summary>
    internal static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    private readonly PipelineStorage _storage;
    private readonly WorkItemHandler _handler;
    private readonly QueuesOptions _queues;
    private readonly WorkerOptions _worker;
    private readonly IEnumerable<IRunObserver> _observers;
    private readonly ILogger<QueueWorker> _logger;
    private readonly TimeProvider _time;
    private readonly StorageHealth _health;

    /// <summary>Creates the worker.</summary>
    public QueueWorker(
        PipelineStorage storage,
        WorkItemHandler handler,
        IOptions<HostJsonOptions> host,
        IOptions<WorkerOptions> worker,
        IEnumerable<IRunObserver> observers,
        ILogger<QueueWorker> logger,
        TimeProvider? time = null)
    {
        _storage = storage;
        _handler = handler;
        _queues = host.Value.Queues;
        _worker = worker.Value;
        _observers = observers;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _health = new StorageHealth("worker", logger, _time);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var threshold = _queues.GetNewBatchThreshold(Environment.ProcessorCount);
        Log.WorkerStarted(_logger, _queues.BatchSize, threshold, _queues.MaxDequeueCount, _queues.MaxPollingInterval);

        // Runs are not cancelled by the stop signal directly: they get a grace period to finish first.
        using var runsCts = new CancellationTokenSource();
        var inFlight = new HashSet<Task>();
        var delay = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveWhere(t => t.IsCompleted);
                if (inFlight.Count > threshold)
                {
                    await Task.WhenAny(inFlight).WaitAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                QueueMessage[] messages;
                try
                {
                    var response = await _storage.Work.ReceiveMessagesAsync(_queues.BatchSize, _worker.RunLease, stoppingToken).ConfigureAwait(false);
                    messages = response.Value;
                    _health.Succeeded();
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && StorageTransientFaults.IsTransient(ex, stoppingToken))
                {
                    _health.Failed(ex);
                    delay = NextDelay(delay);
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (messages.Length == 0)
                {
                    delay = NextDelay(delay);
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                delay = TimeSpan.Zero;
                foreach (var message in messages)
                {
                    inFlight.Add(ProcessAsync(message, runsCts.Token));
                }

                await Task.Delay(MinimumPollingInterval, _time, stoppingToken).ConfigureAwait(false); // maxPollingInterval is at least as long
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        inFlight.RemoveWhere(t => t.IsCompleted);
        if (inFlight.Count > 0)
        {
            Log.WorkerStopping(_logger, inFlight.Count, _worker.ShutdownGracePeriod);
            var all = Task.WhenAll(inFlight);
            if (await Task.WhenAny(all, Task.Delay(_worker.ShutdownGracePeriod, _time, CancellationToken.None)).ConfigureAwait(false) != all)
            {
                // Unfinished runs are cancelled; each releases its message (visibility 0) on the way out.
                await runsCts.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10), _time, CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan NextDelay(TimeSpan current)
    {
        // Functions' queue listener: back off exponentially from a short delay up to maxPollingInterval.
        var next = current == TimeSpan.Zero ? MinimumPollingInterval : current * 2;
        return next > _queues.MaxPollingInterval ? _queues.MaxPollingInterval : next;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var lease = new MessageLease(_storage.Work, message, _worker.RunLease, _time);
        try
        {
            WorkItem? item;
            try
            {
                item = JsonSerializer.Deserialize(message.Body.ToMemory().Span, RuntimeJson.Default.WorkItem);
                if (item is null || string.IsNullOrEmpty(item.Name) || string.IsNullOrEmpty(item.Container) || string.IsNullOrEmpty(item.ETag))
                {
                    throw new JsonException("The work item has no container, name or ETag.");
                }
            }
            catch (JsonException ex)
            {
                Log.MalformedWorkItem(_logger, ex.Message);
                var decision = _handler.Policy.ForMalformed();
                await (decision.Action == DeliveryAction.Poison
                    ? PoisonAsync(message, lease, cancellationToken)
                    : lease.ReleaseAsync(decision.Delay, cancellationToken)).ConfigureAwait(false);
                return;
            }

            await RunAsync(item, message, lease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested || StorageTransientFaults.IsTransient(ex))
        {
            // Shutting down, or storage went away while settling the message: release it so another
            // worker (or this one, later) takes the run from its last checkpoint.
            await lease.TryReleaseAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Settling failed for a reason a retry will not fix: leave the message to reappear after its
            // lease, so the run is tried again (and poisoned after maxDequeueCount), but say why.
            Log.RunSettleFailed(_logger, message.MessageId, StorageTransientFaults.Describe(ex), ex);
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(WorkItem item, QueueMessage message, MessageLease lease, CancellationToken cancellationToken)
    {
        if (message.DequeueCount == 1 && message.InsertedOn is { } inserted)
        {
            Telemetry.PipelineTelemetry.RecordIntakeLag(inserted, _time.GetUtcNow());
        }

        DeliveryResult result;
        try
        {
            result = await _handler.DeliverAsync(item, message.DequeueCount, lease.Token(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception) when (lease.IsLost && !cancellationToken.IsCancellationRequested)
        {
            // Another worker received the message after this lease ran out; that delivery owns the run now.
            return;
        }

        switch (result.Decision.Action)
        {
            case DeliveryAction.Release:
                await lease.ReleaseAsync(result.Decision.Delay, cancellationToken).ConfigureAwait(false);
                return;
            case DeliveryAction.Poison:
                await PoisonAsync(message, lease, cancellationToken).ConfigureAwait(false);
                Notify(item, result.Record!);
                return;
        }

        // The message outliving a completed run is what brings it back: only then is the run marked published.
        // A lost lease means another delivery is already running: mark before the delete, which will fail.
        if (result.Completed && lease.IsLost)
        {
            await _handler.MarkPublishedAsync(item).ConfigureAwait(false);
        }

        var deleted = false;
        try
        {
            deleted = await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (result.Completed && !deleted)
            {
                await _handler.MarkPublishedAsync(item).ConfigureAwait(false); // written once: a second mark is a 409
            }

            if (result.Record is { } record)
            {
                Notify(item, record);
            }
        }
    }

    private async Task PoisonAsync(QueueMessage message, MessageLease lease, CancellationToken cancellationToken)
    {
        await _storage.Poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await lease.DeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Notify(WorkItem item, DocumentRecord record)
    {
        foreach (var observer in _observers)
        {
            observer.OnResult(item, record);
        }
    }
}
