namespace Pipeline.Development.Azurite;

/// <summary>Azurite could not be installed, started or stopped. The message says why and, when there is one, ends with Azurite's last output.</summary>
public sealed class AzuriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public AzuriteException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AzuriteException(string message, Exception innerException) : base(message, innerException) { }
}
