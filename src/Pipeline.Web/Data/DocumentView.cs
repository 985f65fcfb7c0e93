using Pipeline.Core.Documents;

namespace Pipeline.Web.Data;

/// <summary>Everything the document page shows about one input's result.</summary>
/// <param name="Record">The result record (error messages redacted).</param>
/// <param name="Canonical">The canonical document of the cluster: this one when it is canonical, else the one it repeats (null if unreadable).</param>
/// <param name="Duplicates">The cluster's duplicates that the listing found (at most <see cref="WebViewOptions.MaxClusterMembers"/>).</param>
/// <param name="RawHead">The raw input's first bytes (empty when the input is gone).</param>
/// <param name="RawSize">The raw input's size now, or null when it is gone.</param>
public sealed record DocumentView(DocumentRecord Record, ClusterMember? Canonical, IReadOnlyList<ClusterMember> Duplicates, ReadOnlyMemory<byte> RawHead, long? RawSize);

/// <summary>A member of a duplicate cluster.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Id">Its record's id.</param>
/// <param name="Kind">exact or near, for a duplicate; null for the canonical document.</param>
/// <param name="Similarity">The similarity to the canonical document (1 for the canonical document itself).</param>
/// <param name="Measure">How the similarity was measured (sha256, containment, jaccard).</param>
public sealed record ClusterMember(string Name, string Id, string? Kind, double Similarity, string? Measure);
