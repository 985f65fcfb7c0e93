namespace Pipeline.Functions;

/// <summary>
/// Trigger settings. Names come from app settings through binding expressions (<c>%Name%</c>). The names have no
/// section separators: the host resolves <c>%Pipeline:Storage:WorkQueue%</c>, but the Flex Consumption scale
/// controller looks the expression up by its literal name, while the app setting is named
/// <c>Pipeline__Storage__WorkQueue</c>, so it would find nothing and never scale on queue depth
/// (azure-functions-host #8261, azure-functions-dotnet-worker #849). <see cref="TriggerSettings"/> binds the same
/// settings to the shared runtime's options, so the triggers and the runtime read one value. The host fails to index
/// a function whose expression has no value, so the deployment (infra/) and local.settings.json set them.
/// </summary>
internal static class Bindings
{
    /// <summary>The storage connection: <c>AzureWebJobsStorage</c> or its identity-based <c>AzureWebJobsStorage__*</c> settings.</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>Blobs in the raw container.</summary>
    public const string RawBlobs = "%" + TriggerSettings.RawContainer + "%/{name}";

    /// <summary>The work queue (its poison queue is <c>{name}-poison</c>, as the worker host names it).</summary>
    public const string WorkQueue = "%" + TriggerSettings.WorkQueue + "%";

    /// <summary>The fallback intake scan: every five minutes (NCRONTAB with seconds).</summary>
    public const string ScanSchedule = "0 */5 * * * *";
}
