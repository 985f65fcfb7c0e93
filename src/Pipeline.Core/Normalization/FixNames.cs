namespace Pipeline.Core.Normalization;

/// <summary>The names of the built-in fixes, as they appear in <see cref="NormalizedText.Fixes"/>.</summary>
public static class FixNames
{
    /// <summary>HTML character references decoded.</summary>
    public const string HtmlEntities = "htmlEntities";

    /// <summary>UTF-8 text that had been decoded as windows-1252 or Latin-1, repaired.</summary>
    public const string Mojibake = "mojibake";

    /// <summary>CRLF, CR, NEL, U+2028, U+2029, VT and FF turned into LF.</summary>
    public const string LineEndings = "lineEndings";

    /// <summary>Control, zero-width and bidi formatting characters removed.</summary>
    public const string ControlCharacters = "controlCharacters";

    /// <summary>Unicode normalisation form C applied.</summary>
    public const string UnicodeNormalization = "unicodeNormalization";

    /// <summary>No-break, typographic and ideographic spaces and tabs turned into plain spaces.</summary>
    public const string OddSpaces = "oddSpaces";

    /// <summary>Runs of spaces collapsed, line ends trimmed, blank-line runs collapsed.</summary>
    public const string Whitespace = "whitespace";

    /// <summary>Words hyphenated across a line break joined.</summary>
    public const string HyphenatedLineBreaks = "hyphenatedLineBreaks";

    /// <summary>A space inserted between sentences glued together (<c>ceasefire.It</c>).</summary>
    public const string GluedSentences = "gluedSentences";

    /// <summary>A space inserted between a word and an opening quote glued to it (<c>magazine“New</c>).</summary>
    public const string SpaceBeforeOpeningQuote = "spaceBeforeOpeningQuote";
}
