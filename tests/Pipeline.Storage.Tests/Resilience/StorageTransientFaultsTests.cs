using System.Net.Sockets;
using Azure;
using Polly.Timeout;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Tests.Resilience;

public sealed class StorageTransientFaultsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Transient_statuses_are_retried(int status) =>
        Assert.True(StorageTransientFaults.IsTransient(new RequestFailedException(status, "x")));

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void Answers_and_client_errors_are_not_retried(int status) =>
        Assert.False(StorageTransientFaults.IsTransient(new RequestFailedException(status, "x")));

    [Fact]
    public void A_socket_error_inside_another_exception_is_transient() =>
        Assert.True(StorageTransientFaults.IsTransient(new InvalidOperationException("wrapped", new SocketException())));

    [Fact]
    public void An_attempt_timeout_is_transient() =>
        Assert.True(StorageTransientFaults.IsTransient(new TimeoutRejectedException()));

    [Fact]
    public void A_cancellation_the_caller_did_not_ask_for_is_transient() =>
        Assert.True(StorageTransientFaults.IsTransient(new TaskCanceledException(), CancellationToken.None));

    [Fact]
    public void A_cancellation_the_caller_asked_for_is_not_transient() =>
        Assert.False(StorageTransientFaults.IsTransient(new TaskCanceledException(), new CancellationToken(canceled: true)));

    [Fact]
    public void A_programming_error_is_not_transient() =>
        Assert.False(StorageTransientFaults.IsTransient(new ArgumentException("bad")));
}
