namespace Pipeline.Core.Documents;

/// <summary>The last error of a run that failed.</summary>
/// <param name="Type">The error's type name.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Attempts">How many times the run was tried.</param>
public sealed record ProcessingError(string Type, string Message, int Attempts);
