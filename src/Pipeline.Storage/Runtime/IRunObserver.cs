using Pipeline.Core.Documents;

namespace Pipeline.Storage.Runtime;

/// <summary>Told of every result this process's worker produces (used by <c>pipeline up</c> to show them live).</summary>
public interface IRunObserver
{
    /// <summary>Called once per completed run, after its outputs are written. Must not throw or block.</summary>
    void OnResult(WorkItem item, DocumentRecord record);
}
