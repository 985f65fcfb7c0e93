using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Runtime;

namespace Pipeline.Functions;

/// <summary>
/// The durable steps in Azure: one delivery of a work-queue message runs its work item through the shared
/// <see cref="WorkItemHandler"/>, and the <see cref="DeliveryPolicy"/> both hosts follow decides what becomes of the
/// message. The queue trigger owns the message, as <c>QueueWorker</c> does in the worker host: it keeps it invisible
/// while the run lasts, deletes it when this returns, makes it visible again after <c>visibilityTimeout</c> when this
/// throws, and moves it to the poison queue when a delivery that throws is the <c>maxDequeueCount</c>-th.
/// </summary>
/// <param name="handler">The shared handler.</param>
/// <param name="storage">The pipeline's storage (the poison queue, for messages that are not work items).</param>
/// <param name="logger">The logger.</param>
public sealed class WorkItemFunction(WorkItemHandler handler, PipelineStorage storage, ILogger<WorkItemFunction> logger)
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
            if (handler.Policy.ForMalformed().Action != DeliveryAction.Poison)
            {
                throw;
            }

            // Poisoned here rather than retried by the host: returning lets the host delete the original.
            await storage.Poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // On the last allowed delivery a failure also writes the run's failed result before it rethrows.
        await handler.HandleAsync(item, message.DequeueCount, cancellationToken).ConfigureAwait(false);
    }
}
