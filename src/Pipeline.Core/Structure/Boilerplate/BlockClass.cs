namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>jusText's classes of a block, from worst to best.</summary>
internal enum BlockClass : byte
{
    /// <summary>Page furniture: too few function words for its length, a menu, or a rule's line.</summary>
    Bad,

    /// <summary>Too short to judge alone; its neighbours decide.</summary>
    Short,

    /// <summary>Some function words, or not long enough to be sure; good unless both neighbours are bad.</summary>
    NearGood,

    /// <summary>Running text: long and dense with function words.</summary>
    Good,
}
