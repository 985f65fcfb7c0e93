namespace Pipeline.Storage.Intake;

/// <summary>What became of a blob version handed to <see cref="WorkItemEnqueuer.TakeAsync"/>.</summary>
public enum IntakeOutcome
{
    /// <summary>This call enqueued its work item (and stamped its receipt, unless another intake did).</summary>
    Enqueued,

    /// <summary>Another intake enqueued it: its receipt is stamped. Nothing is left to do.</summary>
    Taken,

    /// <summary>
    /// Its receipt is there but not stamped, and too young to recover (its intake may still be enqueuing it),
    /// or another intake is recovering it now. Not settled: the version must be looked at again.
    /// </summary>
    Pending,
}
