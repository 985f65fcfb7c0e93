namespace Pipeline.Functions;

/// <summary>
/// Trigger settings. Names come from app settings through binding expressions (<c>%Name%</c>), so the triggers
/// and the shared runtime (<see cref="Storage.Runtime.PipelineStorageOptions"/>) read one value: the app setting
/// <c>Pipeline__Storage__WorkQueue</c> is <c>Pipeline:Storage:WorkQueue</c> in both. The host fails to index a
/// function whose expression has no value, so the deployment (infra/) and local.settings.json set them.
/// </summary>
internal static class Bindings
{
    /// <summary>The storage connection: <c>AzureWebJobsStorage</c> or its identity-based <c>AzureWebJobsStorage__*</c> settings.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>Blobs in the raw container.</summary>
    public const string RawBlobs = "%Pipeline:Storage:RawContainer%/{name}";

    /// <summary>The work queue (its poison queue is <c>{name}-poison</c>, as the worker host names it).</summary>
    public const string WorkQueue = "%Pipeline:Storage:WorkQueue%";

    /// <summary>The fallback intake scan: every five minutes (NCRONTAB with seconds).</summary>
    public const string ScanSchedule = "0 */5 * * * *";
}
