namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>What the boilerplate classifier decided for a block.</summary>
internal enum BlockVerdict : byte
{
    /// <summary>Main content.</summary>
    Keep,

    /// <summary>Not judged here (a rule's line or a caption, already handled).</summary>
    Handled,

    /// <summary>A menu or link-list entry: short list items and separated links between furniture.</summary>
    Navigation,

    /// <summary>Other furniture: too few function words, or short lines between furniture.</summary>
    Boilerplate,

    /// <summary>Prose outside the article's run of text: teasers, author bios, footers.</summary>
    OutsideMainContent,

    /// <summary>Below a heading that opens reader comments.</summary>
    Comment,
}
