using Azure.Core;
using Azure.Core.Pipeline;
using Polly;

namespace Pipeline.Storage.Resilience;

/// <summary>
/// Polly as the storage clients' retry policy (<see cref="Azure.Core.ClientOptions.RetryPolicy"/>): every
/// request of every client is retried by the one resilience pipeline, in place of the SDK's own retries.
/// A transient response (408, 429, 5xx) is retried like a transient exception; when the tries run out,
/// the last response stands and the client raises its usual <see cref="Azure.RequestFailedException"/>.
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
                static async (_, state) =>
                {
                    await ProcessNextAsync(state.message, state.pipeline).ConfigureAwait(false);
                    ThrowIfTransient(state.message);
                },
                context,
                (message, pipeline)).ConfigureAwait(false);
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
                static (_, state) =>
                {
                    ProcessNext(state.message, state.pipeline);
                    ThrowIfTransient(state.message);
                },
                context,
                (message, pipeline));
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
}

/// <summary>A transient status answered by storage, raised inside <see cref="PollyRetryPolicy"/> so Polly retries it.</summary>
internal sealed class TransientResponseException(int status, string reason)
    : Exception($"Storage answered {status} {reason}.")
{
    public int Status { get; } = status;
}
