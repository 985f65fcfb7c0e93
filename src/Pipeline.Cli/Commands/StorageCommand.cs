using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Storage.Configuration;
using Pipeline.Storage.Resilience;
using Pipeline.Storage.Runtime;

namespace Pipeline.Cli.Commands;

/// <summary>What the storage commands share: start-up checks that fail fast with a clear message.</summary>
internal static class StorageCommand
{
    /// <summary>Exit code when the storage account cannot be used (unreachable, refused, misconfigured).</summary>
    public const int StorageError = 3;

    /// <summary>
    /// Creates the pipeline's containers, queues and table (which also proves the account is reachable and
    /// the identity may write), then runs the host until it stops.
    /// </summary>
    public static async Task<int> RunHostAsync(IHost host, CancellationToken cancellationToken)
    {
        using (host)
        {
            if (!await TryPrepareAsync(host.Services, cancellationToken).ConfigureAwait(false))
            {
                return StorageError;
            }

            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    /// <summary>Validates options and creates the storage resources; prints why not and returns false on failure.</summary>
    public static async Task<bool> TryPrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var storage = services.GetRequiredService<PipelineStorage>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await storage.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The storage account did not answer within 30 seconds.");
            }

            return true;
        }
        catch (Exception ex) when (ex is StorageConfigurationException or OptionsValidationException or TimeoutException
            or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException or AggregateException
            or HttpRequestException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"pipeline: cannot use the storage account: {Describe(ex)}").ConfigureAwait(false);
            return false;
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: > 0 } agg => Describe(agg.InnerExceptions[0]),
        Azure.RequestFailedException { Status: 403 } => "access denied (403): the identity or key lacks permission on the account.",
        Azure.RequestFailedException { Status: 0 } r => "the account is unreachable: " + StorageTransientFaults.Describe(r),
        HttpRequestException => "the account is unreachable: " + StorageTransientFaults.Describe(ex),
        Azure.Identity.AuthenticationFailedException =>
            $"authentication failed ({ex.GetType().Name}): no Microsoft Entra credential is available for the identity-based connection. " +
            "Sign in (az login), run with a managed identity, or pass a connection string with --connection.",

        // These messages are written to be shown: they say what is wrong and leave secrets out.
        StorageConfigurationException or OptionsValidationException or TimeoutException => ex.Message,
        _ => StorageTransientFaults.Describe(ex),
    };
}
