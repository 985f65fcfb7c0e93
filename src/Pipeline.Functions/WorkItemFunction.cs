using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>
/// The durable steps in Azure: one delivery of a work-queue message runs its work item through the shared
/// <see cref="WorkItemHandler"/>. The queue trigger owns the message, as <c>QueueWorker</c> does in the worker
/// host: it keeps it invisible while the run lasts, deletes it on success, makes it visible again when this
/// throws, and moves it to the poison queue after host.json's <c>maxDequeueCount</c> deliveries.
/// </summary>
/// <param name="handler">The shared handler.</param>
/// <param name="logger">The logger.</param>
public sealed class WorkItemFunction(WorkItemHandler handler, ILogger<WorkItemFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "RunWorkItem";

    /// <summary>Runs the work item; throws when the run failed, so the host retries or poisons the message.</summary>
    /// <param name="message">The message (bound as the SDK type for its dequeue count).</param>
    /// <param name="cancellationToken">Signalled when the host shuts down; the run resumes from its checkpoints on the next delivery.</param>
    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger(Bindings.WorkQueue, Connection = Bindings.Connection)] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        WorkItem item;
        try
        {
            item = WorkItem.FromJson(message.Body.ToString());
        }
        catch (JsonException ex)
        {
            Log.MalformedWorkItem(logger, message.MessageId, message.DequeueCount, ex.Message);
            throw;
        }

        // On the last allowed delivery a failure also writes the run's failed result before it rethrows.
        await handler.HandleAsync(item, message.DequeueCount, cancellationToken).ConfigureAwait(false);
    }
}
