using System.ComponentModel.DataAnnotations;
using Azure;
using Microsoft.Extensions.Logging;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Tests.Resilience;

public sealed class StorageResiliencePipelineTests
{
    // Tiny delays keep the tests fast; the policy under test is the same.
    private static StorageResilienceOptions FastOptions(int maxRetryAttempts = 5) => new()
    {
        MaxRetryAttempts = maxRetryAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
    };

    [Fact]
    public async Task A_503_is_retried_and_the_operation_then_succeeds()
    {
        var pipeline = StorageResiliencePipeline.Create(FastOptions());
        var calls = 0;

        var result = await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return calls == 1 ? throw new RequestFailedException(503, "Server busy") : ValueTask.FromResult("ok");
        });

        Assert.Equal("ok", result);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public async Task Meaningful_answers_are_not_retried(int status)
    {
        var pipeline = StorageResiliencePipeline.Create(FastOptions());
        var calls = 0;

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromException<int>(new RequestFailedException(status, "answer"));
        }));

        Assert.Equal(status, thrown.Status);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Gives_up_after_MaxRetryAttempts_retries()
    {
        var pipeline = StorageResiliencePipeline.Create(FastOptions(maxRetryAttempts: 3));
        var calls = 0;

        await Assert.ThrowsAsync<RequestFailedException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromException<int>(new RequestFailedException(500, "boom"));
        }));

        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task A_caller_cancellation_is_not_retried()
    {
        var pipeline = StorageResiliencePipeline.Create(FastOptions());
        using var cts = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pipeline.ExecuteAsync(token =>
        {
            calls++;
            cts.Cancel();
            token.ThrowIfCancellationRequested();
            return ValueTask.FromResult(0);
        }, cts.Token));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Retries_log_one_warning_per_operation()
    {
        var logger = new RecordingLogger();
        var pipeline = StorageResiliencePipeline.Create(FastOptions(maxRetryAttempts: 4), logger);

        await Assert.ThrowsAsync<HttpRequestException>(async () => await pipeline.ExecuteAsync(
            _ => ValueTask.FromException<int>(new HttpRequestException("connection refused"))));

        Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(4, logger.Entries.Count(e => e.Level == LogLevel.Debug));
    }

    [Fact]
    public void BaseDelay_longer_than_MaxDelay_is_rejected()
    {
        var options = new StorageResilienceOptions { BaseDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(10) };

        Assert.Throws<ValidationException>(() => StorageResiliencePipeline.Create(options));
    }

    [Fact]
    public void Out_of_range_retry_count_is_rejected()
    {
        Assert.Throws<ValidationException>(() => StorageResiliencePipeline.Create(new StorageResilienceOptions { MaxRetryAttempts = -1 }));
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
                Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
