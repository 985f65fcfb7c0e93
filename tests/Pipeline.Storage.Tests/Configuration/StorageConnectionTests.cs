using Azure.Core;
using Microsoft.Extensions.Configuration;
using Pipeline.Storage.Configuration;

namespace Pipeline.Storage.Tests.Configuration;

public sealed class StorageConnectionTests
{
    // Made-up key: valid Base64, not any real account's.
    private const string FakeKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0wMTIzNDU2Nzg5YWJjZGVmZ2hpamtsbW5vcA==";

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void UseDevelopmentStorage_resolves_to_the_emulator_on_default_ports()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.True(connection.IsEmulator);
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableServiceUri);
    }

    [Fact]
    public void Full_emulator_connection_string_keeps_its_explicit_endpoints()
    {
        var connection = StorageConnection.Parse(Pipeline.Development.Azurite.AzuriteLauncher.BuildConnectionString("127.0.0.1", 41000, 41001, 41002));

        Assert.True(connection.IsEmulator);
        Assert.Equal(StorageCredentialKind.SharedKey, connection.CredentialKind);
        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1"), connection.QueueServiceUri);
    }

    [Fact]
    public void Real_account_connection_string_derives_https_endpoints_from_the_suffix()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=contosoraw;AccountKey={FakeKey};EndpointSuffix=core.windows.net");

        Assert.False(connection.IsEmulator);
        Assert.Equal(new Uri("https://contosoraw.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://contosoraw.table.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void Sas_connection_string_uses_the_signature()
    {
        var connection = StorageConnection.Parse("BlobEndpoint=https://a.blob.core.windows.net;QueueEndpoint=https://a.queue.core.windows.net;TableEndpoint=https://a.table.core.windows.net;SharedAccessSignature=sv=2025-11-05&sig=abc");

        Assert.Equal(StorageCredentialKind.SharedAccessSignature, connection.CredentialKind);
    }

    [Fact]
    public void Identity_form_with_accountName_derives_the_three_service_uris()
    {
        var connection = StorageConnection.FromConfiguration(Config(("AzureWebJobsStorage:accountName", "contosoraw")));

        Assert.Equal(StorageCredentialKind.TokenCredential, connection.CredentialKind);
        Assert.Equal(new Uri("https://contosoraw.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://contosoraw.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://contosoraw.table.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void Identity_form_with_service_uris_uses_them()
    {
        var connection = StorageConnection.FromConfiguration(Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://b.example.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://q.example.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Equal(StorageCredentialKind.TokenCredential, connection.CredentialKind);
        Assert.Equal(new Uri("https://q.example.net"), connection.QueueServiceUri);
    }

    [Fact]
    public void Identity_form_spelled_with_double_underscores_is_read()
    {
        var connection = StorageConnection.FromConfiguration(Config(("AzureWebJobsStorage__accountName", "contosoraw")));

        Assert.Equal("contosoraw", connection.AccountName);
    }

    [Fact]
    public void Identity_form_missing_a_service_uri_names_the_setting()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromConfiguration(Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://b.example.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://q.example.net"))));

        Assert.Contains("tableServiceUri", error.Message);
    }

    [Fact]
    public void Identity_form_with_an_http_service_uri_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromConfiguration(Config(
            ("AzureWebJobsStorage:blobServiceUri", "https://b.example.net"),
            ("AzureWebJobsStorage:queueServiceUri", "http://127.0.0.1:10001/devstoreaccount1"),
            ("AzureWebJobsStorage:tableServiceUri", "https://t.example.net"))));

        Assert.Contains("queueServiceUri", error.Message);
        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void Plain_configuration_value_is_a_connection_string()
    {
        var connection = StorageConnection.FromConfiguration(Config(("AzureWebJobsStorage", $"AccountName=contosoraw;AccountKey={FakeKey}")));

        Assert.Equal(StorageCredentialKind.SharedKey, connection.CredentialKind);
    }

    [Fact]
    public void No_setting_means_the_local_emulator()
    {
        Assert.True(StorageConnection.FromConfiguration(Config()).IsEmulator);
    }

    [Theory]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";Bogus")]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";AccountKey=" + FakeKey)]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";BlobEndpoint=not a uri")]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";Colour=blue")]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + ";SharedAccessSignature=sig=" + FakeKey)]
    [InlineData("AccountKey=" + FakeKey)]
    [InlineData("AccountName=contosoraw;AccountKey=" + FakeKey + "!!")]
    [InlineData("AccountName=contosoraw")]
    [InlineData(";;")]
    public void Malformed_connection_string_is_rejected_without_showing_the_key(string connectionString)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.Parse(connectionString));

        Assert.DoesNotContain(FakeKey[..20], error.Message);
    }

    [Fact]
    public void ToString_leaves_the_key_out()
    {
        var connection = StorageConnection.Parse($"AccountName=contosoraw;AccountKey={FakeKey}");

        Assert.DoesNotContain(FakeKey[..20], connection.ToString());
    }

    [Fact]
    public void A_supplied_token_credential_is_used_for_identity_connections()
    {
        var credential = new FixedTokenCredential();

        var connection = StorageConnection.FromConfiguration(Config(("AzureWebJobsStorage:accountName", "contosoraw")), tokenCredential: credential);

        Assert.Equal(StorageCredentialKind.TokenCredential, connection.CredentialKind);
        Assert.NotNull(new StorageClientFactory(connection).CreateTableServiceClient());
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
