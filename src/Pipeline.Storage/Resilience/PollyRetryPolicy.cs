using Azure.Core;
using Azure.Core.Pipeline;
using Polly;

namespace Pipeline.Storage.Resilience;

/// <summary>
/// Polly as the storage clients' retry policy (<see cref="Azure.Core.ClientOptions.RetryPolicy"/>): every
/// request of every client is retried by the one resilience pipeline, in place of the SDK's own retries.
/// A transient response (408, 429, 5xx) is retried like a transient exception; when the tries run out,
/// the last response stands and the client raises its usual <see cref="Azure.RequestFailedException"/>.
/// <para>
/// As Azure.Core's <c>RetryPolicy</c> does, each retry first disposes the failed try's response (its
/// content would otherwise hold a pooled connection until collected) and counts itself in
/// <see cref="MessageProcessingContext.RetryNumber"/>, which the SDK's policies read (the client request
/// id header, logging, the storage client's secondary-host switch).
/// </para>
/// </summary>
internal sealed class PollyRetryPolicy : HttpPipelinePolicy
{
    private readonly ResiliencePipeline _pipeline;

    public PollyRetryPolicy(ResiliencePipeline pipeline) => _pipeline = pipeline;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var context = ResilienceContextPool.Shared.Get(OperationName(message), message.CancellationToken);
        try
        {
            await _pipeline.ExecuteAsync(
                static async (_, attempt) =>
                {
                    attempt.Begin();
                    await ProcessNextAsync(attempt.Message, attempt.Pipeline).ConfigureAwait(false);
                    ThrowIfTransient(attempt.Message);
                },
                context,
                new Attempt(message, pipeline)).ConfigureAwait(false);
        }
        catch (TransientResponseException)
        {
            // Out of tries: the last response is on the message; the client turns it into its usual error.
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var context = ResilienceContextPool.Shared.Get(OperationName(message), message.CancellationToken);
        try
        {
            _pipeline.Execute(
                static (_, attempt) =>
                {
                    attempt.Begin();
                    ProcessNext(attempt.Message, attempt.Pipeline);
                    ThrowIfTransient(attempt.Message);
                },
                context,
                new Attempt(message, pipeline));
        }
        catch (TransientResponseException)
        {
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Method and path name the request in the retry log; the query is left out (it may hold a SAS signature).
    private static string OperationName(HttpMessage message) => $"{message.Request.Method} {message.Request.Uri.Path}";

    private static void ThrowIfTransient(HttpMessage message)
    {
        if (message.HasResponse && StorageTransientFaults.IsTransientStatus(message.Response.Status))
        {
            throw new TransientResponseException(message.Response.Status, message.Response.ReasonPhrase);
        }
    }

    /// <summary>One request through the retries: knows whether a try is the first, to settle the last one's leftovers.</summary>
    private sealed class Attempt(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        private bool _started;

        public HttpMessage Message { get; } = message;

        public ReadOnlyMemory<HttpPipelinePolicy> Pipeline { get; } = pipeline;

        public void Begin()
        {
            if (!_started)
            {
                _started = true;
                return;
            }

            // A retry: the failed try's response is not read again (the next try replaces it).
            if (Message.HasResponse)
            {
                Message.Response.ContentStream?.Dispose();
            }

            // The context is a view of the message: setting its copy's RetryNumber sets the message's.
            var processing = Message.ProcessingContext;
            processing.RetryNumber++;
        }
    }
}

/// <summary>A transient status answered by storage, raised inside <see cref="PollyRetryPolicy"/> so Polly retries it.</summary>
internal sealed class TransientResponseException(int status, string reason)
    : Exception($"Storage answered {status} {reason}.")
{
    public int Status { get; } = status;
}
