using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Pipeline.Development.FaultInjection;

/// <summary>An error response made up by <see cref="StorageFaultPolicy"/>, as the service would send it (status and error code header).</summary>
internal sealed class InjectedErrorResponse : Response
{
    private const string ErrorCodeHeader = "x-ms-error-code";

    public InjectedErrorResponse(int status) => Status = status;

    public override int Status { get; }

    public override string ReasonPhrase => "Injected fault";

    public override bool IsError => true;

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => IsErrorCode(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [new HttpHeader(ErrorCodeHeader, StorageFaultPolicy.ErrorCode)];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = IsErrorCode(name) ? StorageFaultPolicy.ErrorCode : null;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = IsErrorCode(name) ? [StorageFaultPolicy.ErrorCode] : null;
        return values is not null;
    }

    private static bool IsErrorCode(string name) => string.Equals(name, ErrorCodeHeader, StringComparison.OrdinalIgnoreCase);
}
