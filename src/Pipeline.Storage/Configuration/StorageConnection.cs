using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage.Configuration;

/// <summary>
/// One storage account, resolved the way Azure Functions resolves <c>AzureWebJobsStorage</c>: a
/// connection string (shared key, SAS or <c>UseDevelopmentStorage=true</c>), or an identity-based
/// connection (<c>AzureWebJobsStorage__accountName</c>, or <c>__blobServiceUri</c>/<c>__queueServiceUri</c>/
/// <c>__tableServiceUri</c>, with optional <c>__credential=managedidentity</c> and <c>__clientId</c>).
/// Immutable and thread-safe. <see cref="ToString"/> and every error message leave secrets out.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The configuration key Azure Functions reads its storage account from.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <summary>The connection string of the local emulator on its default ports.</summary>
    public const string DevelopmentStorageConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The emulator's fixed account name.</summary>
    public const string EmulatorAccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, public account key (not a secret: it is published by Microsoft).</summary>
    public const string EmulatorAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(
        string? accountName,
        Uri blobServiceUri,
        Uri queueServiceUri,
        Uri tableServiceUri,
        StorageCredentialKind credentialKind,
        string? accountKey,
        string? sharedAccessSignature,
        TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        CredentialKind = credentialKind;
        AccountKey = accountKey;
        SharedAccessSignature = sharedAccessSignature;
        TokenCredential = tokenCredential;
        IsEmulator = string.Equals(accountName, EmulatorAccountName, StringComparison.Ordinal)
            || (blobServiceUri.IsLoopback && queueServiceUri.IsLoopback && tableServiceUri.IsLoopback);
    }

    /// <summary>The account name, when known (always for shared key; absent for SAS or identity forms given only by URIs).</summary>
    public string? AccountName { get; }

    /// <summary>The Blob service endpoint.</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueServiceUri { get; }

    /// <summary>The Table service endpoint.</summary>
    public Uri TableServiceUri { get; }

    /// <summary>How requests are authenticated.</summary>
    public StorageCredentialKind CredentialKind { get; }

    /// <summary>
    /// True for the local emulator (Azurite): account <c>devstoreaccount1</c> or loopback endpoints.
    /// Clients for the emulator pin an API version it accepts.
    /// </summary>
    public bool IsEmulator { get; }

    internal string? AccountKey { get; }

    internal string? SharedAccessSignature { get; }

    internal TokenCredential? TokenCredential { get; }

    /// <summary>Parses a storage connection string.</summary>
    /// <param name="connectionString">A connection string as found in the portal, or <c>UseDevelopmentStorage=true</c>.</param>
    /// <returns>The resolved account.</returns>
    /// <exception cref="StorageConfigurationException">The string is empty or malformed; the message never contains the key or SAS.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ConnectionStringParser.Parse(connectionString);
        return settings.ContainsKey("UseDevelopmentStorage")
            ? FromDevelopmentStorageSettings(settings)
            : FromAccountSettings(settings);
    }

    /// <summary>
    /// Resolves the account named <paramref name="connectionName"/> from configuration, as Azure Functions does:
    /// a plain value is a connection string; a section with children (<c>accountName</c>, <c>blobServiceUri</c>,
    /// <c>queueServiceUri</c>, <c>tableServiceUri</c>, <c>credential</c>, <c>clientId</c>) is an identity-based
    /// connection (environment variables spell the children <c>AzureWebJobsStorage__accountName</c>; keys still
    /// containing <c>__</c>, as in local.settings.json, are read too). <c>ConnectionStrings:{name}</c> is the
    /// fallback; with nothing set, the local emulator (<c>UseDevelopmentStorage=true</c>) is used.
    /// </summary>
    /// <param name="configuration">The app settings.</param>
    /// <param name="connectionName">The setting name; <see cref="DefaultConnectionName"/> unless told otherwise.</param>
    /// <param name="tokenCredential">The credential for identity-based connections; when null one is built from the settings.</param>
    /// <returns>The resolved account.</returns>
    /// <exception cref="StorageConfigurationException">The settings are malformed; the message never contains secrets.</exception>
    public static StorageConnection FromConfiguration(
        IConfiguration configuration,
        string connectionName = DefaultConnectionName,
        TokenCredential? tokenCredential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrWhiteSpace(section.Value))
            return Parse(section.Value);

        string? Child(string name) =>
            NullIfBlank(section[name]) ?? NullIfBlank(configuration[$"{connectionName}__{name}"]);

        var accountName = Child("accountName");
        var blob = Child("blobServiceUri") ?? Child("serviceUri");
        var queue = Child("queueServiceUri");
        var table = Child("tableServiceUri");
        if (accountName is not null || blob is not null || queue is not null || table is not null)
            return FromIdentitySettings(connectionName, accountName, blob, queue, table, Child("credential"), Child("clientId"), tokenCredential);

        var named = configuration.GetConnectionString(connectionName);
        if (!string.IsNullOrWhiteSpace(named))
            return Parse(named);

        if (section.GetChildren().Any())
            throw new StorageConfigurationException(
                $"'{connectionName}' is a section but has none of accountName, blobServiceUri, queueServiceUri, tableServiceUri.");
        return Parse(DevelopmentStorageConnectionString);
    }

    /// <summary>Describes the account without any secret.</summary>
    /// <returns>Account name, endpoints and credential kind.</returns>
    public override string ToString() =>
        $"{AccountName ?? "(account from URIs)"} blob={BlobServiceUri} queue={QueueServiceUri} table={TableServiceUri} credential={CredentialKind}{(IsEmulator ? " emulator" : "")}";

    private static StorageConnection FromDevelopmentStorageSettings(Dictionary<string, string> settings)
    {
        if (!string.Equals(settings["UseDevelopmentStorage"], "true", StringComparison.OrdinalIgnoreCase))
            throw new StorageConfigurationException("UseDevelopmentStorage must be 'true' when present.");

        var host = new Uri("http://127.0.0.1");
        foreach (var name in settings.Keys)
        {
            if (name.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!name.Equals("DevelopmentStorageProxyUri", StringComparison.OrdinalIgnoreCase))
                throw new StorageConfigurationException($"UseDevelopmentStorage=true cannot be combined with '{name}'.");
            host = ParseEndpoint("DevelopmentStorageProxyUri", settings[name]);
        }

        Uri Endpoint(int port) => new UriBuilder(host.Scheme, host.Host, port, EmulatorAccountName).Uri;
        return new StorageConnection(EmulatorAccountName, Endpoint(10000), Endpoint(10001), Endpoint(10002),
            StorageCredentialKind.SharedKey, EmulatorAccountKey, null, null);
    }

    private static readonly HashSet<string> s_knownSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix", "SharedAccessSignature",
        "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
        "BlobSecondaryEndpoint", "QueueSecondaryEndpoint", "TableSecondaryEndpoint", "FileSecondaryEndpoint",
    };

    private static StorageConnection FromAccountSettings(Dictionary<string, string> settings)
    {
        foreach (var name in settings.Keys)
        {
            if (!s_knownSettings.Contains(name))
                throw new StorageConfigurationException($"The storage connection string has an unknown setting '{name}'.");
        }

        var protocol = Get(settings, "DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("http" or "https"))
            throw new StorageConfigurationException("DefaultEndpointsProtocol must be 'http' or 'https'.");

        var accountName = Get(settings, "AccountName");
        if (accountName is not null)
            ValidateAccountName(accountName, "AccountName");

        var accountKey = Get(settings, "AccountKey");
        var sas = Get(settings, "SharedAccessSignature")?.TrimStart('?');
        if (accountKey is not null && sas is not null)
            throw new StorageConfigurationException("The storage connection string has both AccountKey and SharedAccessSignature; keep one.");
        if (accountKey is null && sas is null)
            throw new StorageConfigurationException("The storage connection string has neither AccountKey nor SharedAccessSignature.");
        if (accountKey is not null)
        {
            if (accountName is null)
                throw new StorageConfigurationException("The storage connection string has an AccountKey but no AccountName.");
            Span<byte> buffer = stackalloc byte[256];
            if (!Convert.TryFromBase64String(accountKey, buffer, out var written) || written == 0)
                throw new StorageConfigurationException("The AccountKey in the storage connection string is not valid Base64 (value not shown).");
        }

        var suffix = Get(settings, "EndpointSuffix") ?? "core.windows.net";
        Uri Endpoint(string setting, string service)
        {
            var explicitValue = Get(settings, setting);
            if (explicitValue is not null)
                return ParseEndpoint(setting, explicitValue);
            if (accountName is null)
                throw new StorageConfigurationException($"The storage connection string needs AccountName or {setting}.");
            return ParseEndpoint("EndpointSuffix", $"{protocol}://{accountName}.{service}.{suffix}");
        }

        return new StorageConnection(
            accountName,
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"),
            accountKey is not null ? StorageCredentialKind.SharedKey : StorageCredentialKind.SharedAccessSignature,
            accountKey,
            sas,
            null);
    }

    private static StorageConnection FromIdentitySettings(
        string connectionName, string? accountName, string? blob, string? queue, string? table,
        string? credential, string? clientId, TokenCredential? tokenCredential)
    {
        if (accountName is not null)
            ValidateAccountName(accountName, $"{connectionName}__accountName");

        Uri Endpoint(string? value, string setting, string service)
        {
            if (value is not null)
                return ParseEndpoint($"{connectionName}__{setting}", value);
            if (accountName is null)
                throw new StorageConfigurationException(
                    $"'{connectionName}__{setting}' is required when '{connectionName}__accountName' is not set.");
            return new Uri($"https://{accountName}.{service}.core.windows.net");
        }

        var blobUri = Endpoint(blob, "blobServiceUri", "blob");
        var queueUri = Endpoint(queue, "queueServiceUri", "queue");
        var tableUri = Endpoint(table, "tableServiceUri", "table");

        // The SDK refuses bearer tokens over plain http, and would say so only when the first client is built.
        foreach (var (uri, setting) in new[] { (blobUri, "blobServiceUri"), (queueUri, "queueServiceUri"), (tableUri, "tableServiceUri") })
        {
            if (uri.Scheme != Uri.UriSchemeHttps)
                throw new StorageConfigurationException(
                    $"'{connectionName}__{setting}' is http, but an identity-based connection sends tokens only over https. " +
                    "For Azurite over http use a connection string (e.g. UseDevelopmentStorage=true).");
        }

        tokenCredential ??= CreateCredential(connectionName, credential, clientId);
        return new StorageConnection(accountName, blobUri, queueUri, tableUri,
            StorageCredentialKind.TokenCredential, null, null, tokenCredential);
    }

    private static TokenCredential CreateCredential(string connectionName, string? credential, string? clientId)
    {
        if (credential is null)
        {
            // Locally this picks up the developer's Azure CLI / VS sign-in; in Azure, the managed identity.
            var options = new DefaultAzureCredentialOptions();
            if (clientId is not null)
                options.ManagedIdentityClientId = clientId;
            return new DefaultAzureCredential(options);
        }

        if (!credential.Equals("managedidentity", StringComparison.OrdinalIgnoreCase))
            throw new StorageConfigurationException($"'{connectionName}__credential' must be 'managedidentity' when set.");
        return clientId is null
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    private static Uri ParseEndpoint(string setting, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            // The value itself is not echoed: a SAS pasted in the wrong place would leak.
            throw new StorageConfigurationException($"{setting} is not an absolute http(s) URI without query string.");
        }
        return uri;
    }

    private static void ValidateAccountName(string accountName, string setting)
    {
        if (accountName.Length is < 1 or > 64 || !accountName.All(char.IsAsciiLetterOrDigit))
            throw new StorageConfigurationException($"{setting} must be letters and digits only (1-64 characters).");
    }

    private static string? Get(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) ? NullIfBlank(value) : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
