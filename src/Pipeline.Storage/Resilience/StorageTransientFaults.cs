using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Polly.Timeout;

namespace Pipeline.Storage.Resilience;

/// <summary>
/// Decides which storage failures are worth retrying. Decisions use <see cref="RequestFailedException.Status"/>
/// and exception types, never message text. 404, 409 and 412 are answers (not found, already exists,
/// condition not met), so they are never retried.
/// </summary>
public static class StorageTransientFaults
{
    /// <summary>
    /// True for faults that may succeed on a retry: HTTP 408, 429, 500, 502, 503, 504, status 0 (no response),
    /// <see cref="HttpRequestException"/>, socket and I/O errors, <see cref="TimeoutRejectedException"/>, and a
    /// cancellation that the caller did not ask for (a client-side network timeout).
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="callerToken">The caller's token: a cancellation it requested is never retried.</param>
    /// <returns>Whether to retry.</returns>
    public static bool IsTransient(Exception exception, CancellationToken callerToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case RequestFailedException failed:
                return IsTransientStatus(failed.Status);
            case TransientResponseException:
                return true;
            case TimeoutRejectedException:
                return true;
            case OperationCanceledException:
                return !callerToken.IsCancellationRequested;
            case HttpRequestException or SocketException or IOException:
                return true;
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                // The clients' own retries end in one of these, holding every try's failure.
                return aggregate.InnerExceptions.All(e => IsTransient(e, callerToken));
            default:
                return exception.InnerException is { } inner && IsTransportFault(inner);
        }
    }

    /// <summary>True for HTTP statuses worth retrying: 0 (no response), 408, 429, 500, 502, 503, 504.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>Whether a request that got it may succeed on a retry.</returns>
    public static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>A short, secret-free description of a fault for logs: status and error code, or the exception type.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>For example <c>HTTP 503 ServerBusy</c> or <c>HttpRequestException</c>.</returns>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException failed when failed.Status != 0 => $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd(),
        RequestFailedException failed when failed.InnerException is { } inner => $"no response ({inner.GetType().Name})",
        RequestFailedException => "no response",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[^1]),
        _ => exception.GetType().Name,
    };

    /// <summary>
    /// What a failed run's result says of its error: the exception's own message, so that a bug in a step reads
    /// "Object reference not set to an instance of an object." rather than only its type; for storage faults
    /// <see cref="Describe"/>'s status and code, then the service's one-line message (never the request, its
    /// headers or its query, which may hold a SAS).
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>For example <c>HTTP 404 BlobNotFound: The specified blob does not exist.</c>.</returns>
    public static string Message(Exception exception) => exception switch
    {
        RequestFailedException failed => FirstLine(failed.Message) is { Length: > 0 } line && failed.Status != 0 ? $"{Describe(failed)}: {line}" : Describe(failed),
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Message(aggregate.InnerExceptions[^1]),
        _ when string.IsNullOrWhiteSpace(exception.Message) => exception.GetType().Name,
        _ => exception.Message,
    };

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).Trim();
    }

    private static bool IsTransportFault(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or IOException)
                return true;
        }
        return false;
    }
}
