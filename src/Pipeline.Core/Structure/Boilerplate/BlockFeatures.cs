namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>What the classifier measures of one block.</summary>
/// <param name="Weight">Its length in characters, a CJK character counted as three (about one word of a spaced script).</param>
/// <param name="Words">Words (runs of letters).</param>
/// <param name="StopWords">Function words of the page's language among them.</param>
/// <param name="Separators">Stand-alone separators (<c>|</c>, <c>·</c>, <c>/</c>, <c>»</c>...) between menu entries.</param>
/// <param name="EndsSentence">Whether it ends in sentence punctuation.</param>
/// <param name="Heading">Whether it reads as (or was marked as) a heading.</param>
/// <param name="ListItem">Whether it started with a bullet.</param>
/// <param name="Byline">Whether it is a byline or a published/updated line ("Von Lisa Petrich", "Posted on 2022-01-05").</param>
internal readonly record struct BlockFeatures(
    int Weight, int Words, int StopWords, int Separators, bool EndsSentence, bool Heading, bool ListItem, bool Byline = false)
{
    /// <summary>Function words per word; 0 for a block without words.</summary>
    public double StopWordDensity => Words == 0 ? 0 : (double)StopWords / Words;
}
