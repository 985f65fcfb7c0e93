namespace Pipeline.Core.Html;

/// <summary>Text measures of one element's subtree, computed once bottom-up.</summary>
internal sealed class ElementStats
{
    /// <summary>Characters of text (whitespace runs counted as one).</summary>
    public int Text { get; set; }

    /// <summary>Characters of text inside links.</summary>
    public int LinkText { get; set; }

    /// <summary>Commas (Latin, CJK and Arabic) in the text: Readability's sign of prose.</summary>
    public int Commas { get; set; }

    /// <summary>Characters of text directly in the element (not in child elements).</summary>
    public int OwnText { get; set; }

    /// <summary>Whether the element holds a block-level child (then its own text is not one paragraph).</summary>
    public bool HasBlockChild { get; set; }

    /// <summary>The content score, for elements that are candidates.</summary>
    public double Score { get; set; }

    /// <summary>Whether the element was scored as a candidate container.</summary>
    public bool IsCandidate { get; set; }

    /// <summary>Share of the text inside links.</summary>
    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
}
