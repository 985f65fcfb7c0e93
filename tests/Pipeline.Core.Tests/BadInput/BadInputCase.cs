using Pipeline.Core.Documents;

namespace Pipeline.Core.Tests.BadInput;

/// <summary>One hostile input and the outcome the pipeline must give it.</summary>
/// <param name="Name">The case's name (also the input's name unless <paramref name="InputName"/> is set).</param>
/// <param name="Make">Builds the input's bytes.</param>
/// <param name="Status">The expected status: <see cref="ResultStatus.Processed"/> or <see cref="ResultStatus.Rejected"/>.</param>
/// <param name="Reason">The expected rejection code, when the status is rejected.</param>
/// <param name="Check">Further assertions on the record, if any.</param>
/// <param name="InputName">The input's (blob) name, when the case is about names.</param>
internal sealed record BadInputCase(
    string Name,
    Func<byte[]> Make,
    ResultStatus Status,
    string? Reason = null,
    Action<DocumentRecord>? Check = null,
    string? InputName = null);
