namespace Pipeline.Core.Structure;

/// <summary>
/// One block of the page as the structurer read it, kept or not: the page's <c>&lt;title&gt;</c> line, menus, bylines and date
/// lines above the article, teasers, comments and footers stay visible here for metadata extraction.
/// </summary>
/// <param name="Block">The block. A kept block is the same object as in <see cref="StructuredText.Blocks"/>; a removed one is a
/// <see cref="BlockKind.Paragraph"/>, or a <see cref="BlockKind.Heading"/> when it reads as one.</param>
/// <param name="RemovedAs">Null when kept; else the <see cref="StructuredText.Removed"/> key it was counted under
/// (<c>boilerplateLines</c>, <c>navigation</c>, <c>boilerplateBlocks</c>, <c>outsideMainContent</c>, <c>comments</c>,
/// <c>imageCaptions</c>, <c>duplicateParagraphs</c>).</param>
public sealed record PageBlock(TextBlock Block, string? RemovedAs)
{
    /// <summary>Whether the block is in the clean text.</summary>
    public bool IsKept => RemovedAs is null;

    /// <summary>Whether a boilerplate rule removed it: a share, print, subscribe or similar line.</summary>
    public bool IsRuleLine => RemovedAs == DocumentStructurer.BoilerplateLinesKey;

    /// <summary>Whether it is a rule line or a picture caption: furniture that sits between a headline and its byline or date.</summary>
    public bool IsRuleLineOrCaption => IsRuleLine || RemovedAs == DocumentStructurer.ImageCaptionsKey;
}
