using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage.Hosting;

/// <summary>
/// The runtime settings of host.json (the <c>extensions</c> section of the Azure Functions format) that both
/// hosts honour. Pipeline-only settings are not here: Functions owns host.json's schema, so they are app
/// settings under <c>Pipeline:</c> (for example <see cref="Resilience.StorageResilienceOptions.SectionName"/>).
/// </summary>
public sealed class HostJsonOptions
{
    /// <summary>
    /// The configuration section host.json's <c>extensions</c> is read into. It is the prefix Azure Functions itself
    /// uses, so the same app setting overrides a value in both hosts, e.g.
    /// <c>AzureFunctionsJobHost__extensions__queues__batchSize=8</c>.
    /// </summary>
    public const string SectionName = "AzureFunctionsJobHost:extensions";

    /// <summary>Gets the queue settings (<c>extensions.queues</c>).</summary>
    /// <value>Defaults of <see cref="QueuesOptions"/> when absent.</value>
    [Required]
    public QueuesOptions Queues { get; set; } = new();

    /// <summary>Gets the blob settings (<c>extensions.blobs</c>).</summary>
    /// <value>Defaults of <see cref="BlobsOptions"/> when absent.</value>
    [Required]
    public BlobsOptions Blobs { get; set; } = new();

    /// <summary>Checks every value of every section.</summary>
    /// <exception cref="ValidationException">A value is out of range.</exception>
    public void Validate()
    {
        Validator.ValidateObject(Queues, new ValidationContext(Queues), validateAllProperties: true);
        Validator.ValidateObject(Blobs, new ValidationContext(Blobs), validateAllProperties: true);
    }
}
