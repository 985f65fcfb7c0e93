namespace Pipeline.Core.Documents;

/// <summary>The values of <see cref="SourceInfo.Format"/>.</summary>
public static class InputFormats
{
    /// <summary>Plain text (a scraped article or a whole page dumped to text).</summary>
    public const string Text = "text";

    /// <summary>An HTML page: its main content and markup metadata were read from the DOM.</summary>
    public const string Html = "html";
}
