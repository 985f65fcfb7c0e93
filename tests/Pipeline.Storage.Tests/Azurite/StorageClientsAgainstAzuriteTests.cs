using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage.Tests.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class StorageClientsAgainstAzuriteTests(AzuriteFixture azurite)
{
    private static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Uploaded_blob_downloads_with_the_same_bytes()
    {
        var container = azurite.Factory.CreateBlobServiceClient().GetBlobContainerClient(UniqueName("raw"));
        await container.CreateAsync();
        var blob = container.GetBlobClient("folder/input.txt");
        var bytes = "Ein kleiner Test: café, naïve, 東京."u8.ToArray();

        await blob.UploadAsync(new BinaryData(bytes));
        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal(bytes, downloaded.Value.Content.ToArray());
    }

    [Fact]
    public async Task Queue_message_sent_is_received_with_its_text()
    {
        var queue = azurite.Factory.CreateQueueServiceClient().GetQueueClient(UniqueName("work"));
        await queue.CreateAsync();

        await queue.SendMessageAsync("{\"run\":\"r-1\"}");
        var received = await queue.ReceiveMessageAsync();

        Assert.Equal("{\"run\":\"r-1\"}", received.Value.MessageText);
    }

    [Fact]
    public async Task Second_insert_of_the_same_table_entity_fails_with_409()
    {
        var table = azurite.Factory.CreateTableServiceClient().GetTableClient(UniqueName("dedup"));
        await table.CreateAsync();
        var entity = new TableEntity("sha256", "abc123") { ["Winner"] = "doc-1" };
        await table.AddEntityAsync(entity);

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        Assert.Equal(409, conflict.Status);
    }

    // Like Azure Storage, Azurite answers an existing blob under If-None-Match: * with 409 BlobAlreadyExists
    // (not 412): the receipt scheme must treat 409 as "someone else got here first".
    [Fact]
    public async Task Second_upload_with_if_none_match_star_fails_with_409_BlobAlreadyExists()
    {
        var container = azurite.Factory.CreateBlobServiceClient().GetBlobContainerClient(UniqueName("receipts"));
        await container.CreateAsync();
        var blob = container.GetBlobClient("raw/input.txt/0x8D1");
        var onlyIfNew = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await blob.UploadAsync(BinaryData.FromString("first"), onlyIfNew);

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second"), onlyIfNew));

        Assert.Equal(409, failed.Status);
        Assert.Equal("BlobAlreadyExists", failed.ErrorCode);
    }

    [Fact]
    public async Task Upload_with_a_stale_if_match_etag_fails_with_412()
    {
        var container = azurite.Factory.CreateBlobServiceClient().GetBlobContainerClient(UniqueName("state"));
        await container.CreateAsync();
        var blob = container.GetBlobClient("run.json");
        var first = await blob.UploadAsync(BinaryData.FromString("v1"));
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);
        var onlyIfUnchanged = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } };

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3"), onlyIfUnchanged));

        Assert.Equal(412, failed.Status);
    }
}
