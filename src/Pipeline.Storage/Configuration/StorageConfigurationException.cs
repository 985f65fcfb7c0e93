namespace Pipeline.Storage.Configuration;

/// <summary>
/// The storage account settings are missing or malformed. The message names the setting and the
/// problem but never contains a secret (account key or SAS token).
/// </summary>
public sealed class StorageConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that must not contain secrets.</summary>
    /// <param name="message">What is wrong, naming the setting.</param>
    public StorageConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message that must not contain secrets, and its cause.</summary>
    /// <param name="message">What is wrong, naming the setting.</param>
    /// <param name="innerException">The cause; it must not carry secrets either.</param>
    public StorageConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
