namespace Pipeline.Storage.Configuration;

/// <summary>How a <see cref="StorageConnection"/> authenticates.</summary>
public enum StorageCredentialKind
{
    /// <summary>Shared key (AccountName + AccountKey), including the emulator's well-known key.</summary>
    SharedKey,

    /// <summary>A shared access signature from the connection string.</summary>
    SharedAccessSignature,

    /// <summary>Microsoft Entra ID (identity-based connection: DefaultAzureCredential or a managed identity).</summary>
    TokenCredential,
}
