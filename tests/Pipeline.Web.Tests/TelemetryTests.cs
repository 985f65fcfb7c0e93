using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.Storage.Intake;
using Pipeline.Storage.Runtime;
using Pipeline.Storage.Steps;
using Pipeline.Storage.Telemetry;

namespace Pipeline.Web.Tests;

/// <summary>The runtime's traces and metrics, collected with the in-memory exporter from a run in this process.</summary>
[Collection(WebViewCollection.Name)]
public sealed class TelemetryTests(WebViewFixture web)
{
    [Fact]
    public async Task A_run_yields_one_trace_with_a_span_per_step_and_the_metrics_count_it()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var name = "telemetry/run-" + Guid.NewGuid().ToString("N")[..8] + ".txt";
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TestInputs.Article("Lighthouse keepers return to Greyhaven", 4242)));
        var item = await web.App.Services.GetRequiredService<BlobDropper>().UploadAsync(name, content, CancellationToken.None);
        var executor = web.App.Services.GetRequiredService<RunExecutor>();

        await executor.ExecuteAsync(item, 1, CancellationToken.None);
        tracer!.ForceFlush();
        meter!.ForceFlush();

        var run = Assert.Single(spans, s => s.OperationName == PipelineTelemetry.RunSpan && (string?)s.GetTagItem(PipelineTelemetry.BlobNameAttribute) == name);
        Assert.Null(run.Parent);
        Assert.Equal(item.RunId, run.GetTagItem(PipelineTelemetry.RunIdAttribute));
        Assert.Equal("processed", run.GetTagItem(PipelineTelemetry.StatusAttribute));
        var steps = spans.Where(s => s.TraceId == run.TraceId && s != run).ToList();
        Assert.Equal(executor.Steps.Select(s => PipelineTelemetry.StepSpanPrefix + s.Name), steps.OrderBy(s => s.StartTimeUtc).Select(s => s.OperationName));
        Assert.All(steps, s => Assert.Equal(run.SpanId, s.ParentSpanId));

        Assert.True(Sum(metrics, "pipeline.runs", PipelineTelemetry.StatusAttribute, "processed") >= 1);
        Assert.True(Sum(metrics, "pipeline.dedup.decisions", "kind", "canonical") >= 1);
        Assert.Contains(metrics, m => m.Name == "pipeline.step.duration");
        await web.WaitForResultsAsync([name], TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_failed_step_is_recorded_as_an_exception_on_its_span()
    {
        var spans = new List<Activity>();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name).AddInMemoryExporter(spans).Build();
        var services = web.App.Services;
        var executor = new RunExecutor(
            services.GetRequiredService<DecodeStep>(), services.GetRequiredService<NormalizeStep>(), services.GetRequiredService<DeduplicateStep>(),
            services.GetRequiredService<ExtractStep>(), services.GetRequiredService<PublishStep>(), [new ThrowingStep()]);
        var name = "telemetry/fails-" + Guid.NewGuid().ToString("N")[..8] + ".txt";
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TestInputs.Article("Tram depot plans delayed again", 5151)));
        var item = await services.GetRequiredService<BlobDropper>().UploadAsync(name, content, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => executor.ExecuteAsync(item, 1, CancellationToken.None));
        tracer!.ForceFlush();

        var run = Assert.Single(spans, s => s.OperationName == PipelineTelemetry.RunSpan && (string?)s.GetTagItem(PipelineTelemetry.BlobNameAttribute) == name);
        Assert.Equal("failed", run.GetTagItem(PipelineTelemetry.StatusAttribute));
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        var failedStep = Assert.Single(spans, s => s.TraceId == run.TraceId && s.Status == ActivityStatusCode.Error && s != run);
        Assert.Contains(failedStep.Events, e => e.Name == "exception");

        // The worker's scanner finds the uploaded blob too: let its run finish, so later tests count a quiet pipeline.
        await web.WaitForResultsAsync([name], TimeSpan.FromMinutes(2));
    }

    /// <summary>An added step that always fails, after extract and before publish.</summary>
    private sealed class ThrowingStep : IPipelineStep
    {
        public string Name => "always-fails";

        public ValueTask ExecuteAsync(RunContext run, CancellationToken cancellationToken) => throw new InvalidOperationException("this step always fails");
    }

    private static long Sum(List<Metric> metrics, string name, string tag, string value)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var t in point.Tags)
                {
                    if (t.Key == tag && (string?)t.Value == value)
                    {
                        sum += point.GetSumLong();
                    }
                }
            }
        }

        return sum;
    }
}
