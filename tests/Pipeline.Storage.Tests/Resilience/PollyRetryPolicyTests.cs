using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pipeline.Storage.Resilience;

namespace Pipeline.Storage.Tests.Resilience;

/// <summary>The Polly policy in an Azure.Core pipeline, against a transport that answers from a script.</summary>
public sealed class PollyRetryPolicyTests
{
    [Fact]
    public async Task A_failed_response_is_disposed_before_the_retry()
    {
        var transport = new ScriptedTransport(503, 503, 200);
        var pipeline = Build(transport);

        using var message = pipeline.CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:1/c/b"));
        await pipeline.SendAsync(message, CancellationToken.None);

        Assert.Equal(200, message.Response.Status);
        Assert.Equal([true, true, false], transport.Responses.Select(r => r.Disposed));
    }

    [Fact]
    public async Task Each_retry_counts_itself_in_RetryNumber()
    {
        var transport = new ScriptedTransport(500, 503, 200);
        var pipeline = Build(transport);

        using var message = pipeline.CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:1/c/b"));
        await pipeline.SendAsync(message, CancellationToken.None);

        Assert.Equal([0, 1, 2], transport.RetryNumbers);
    }

    [Fact]
    public async Task The_last_response_stands_when_the_tries_run_out()
    {
        var transport = new ScriptedTransport(503, 503, 503);
        var pipeline = Build(transport, maxRetryAttempts: 2);

        using var message = pipeline.CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:1/c/b"));
        await pipeline.SendAsync(message, CancellationToken.None);

        Assert.Equal(503, message.Response.Status);
        Assert.False(transport.Responses[^1].Disposed); // the client reads it to raise RequestFailedException
        Assert.Equal(3, transport.Responses.Count);
    }

    private static HttpPipeline Build(ScriptedTransport transport, int maxRetryAttempts = 5)
    {
        var options = new TestClientOptions(transport)
        {
            RetryPolicy = new PollyRetryPolicy(StorageResiliencePipeline.Create(new StorageResilienceOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(2),
            })),
        };
        return HttpPipelineBuilder.Build(options, [], [new RecordRetryNumber(transport)], new ResponseClassifier());
    }

    private sealed class TestClientOptions : ClientOptions
    {
        public TestClientOptions(HttpPipelineTransport transport) => Transport = transport;
    }

    /// <summary>A per-try policy that notes the message's retry number as each try passes it.</summary>
    private sealed class RecordRetryNumber(ScriptedTransport transport) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => transport.RetryNumbers.Add(message.ProcessingContext.RetryNumber);
    }

    /// <summary>Answers each request with the next status of its script; remembers the responses it gave.</summary>
    private sealed class ScriptedTransport(params int[] statuses) : HttpPipelineTransport
    {
        private int _next;

        public List<TrackedResponse> Responses { get; } = [];

        public List<int> RetryNumbers { get; } = [];

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message)
        {
            var response = new TrackedResponse(statuses[_next++]);
            Responses.Add(response);
            message.Response = response;
        }

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Process(message);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class TrackedResponse(int status) : Response
    {
        private readonly TrackedStream _content = new();

        public bool Disposed => _content.Disposed;

        public override int Status => status;

        public override string ReasonPhrase => status == 200 ? "OK" : "Server Busy";

        public override Stream? ContentStream { get => _content; set => throw new NotSupportedException(); }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose() => _content.Dispose();

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }

    internal sealed class TrackedStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
