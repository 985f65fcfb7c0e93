using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using Pipeline.Core.Normalization.Fixes;

namespace Pipeline.Core.Normalization;

/// <summary>
/// Applies a sequence of <see cref="ITextFix"/>es and reports what each changed. Immutable and thread-safe.
/// </summary>
public sealed class TextNormalizer
{
    private static readonly IReadOnlyDictionary<string, int> NoFixes = ReadOnlyDictionary<string, int>.Empty;

    private readonly ITextFix[] _fixes;

    /// <summary>Creates a normaliser with the built-in fixes the options enable.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Validated here.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public TextNormalizer(NormalizationOptions? options = null)
        : this(DefaultFixes(options ?? new NormalizationOptions()))
    {
    }

    /// <summary>Creates a normaliser that applies the given fixes in order.</summary>
    /// <param name="fixes">The fixes.</param>
    public TextNormalizer(IEnumerable<ITextFix> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        _fixes = fixes.ToArray();
    }

    /// <summary>The fixes applied, in order.</summary>
    public IReadOnlyList<ITextFix> Fixes => _fixes;

    /// <summary>Normalises one text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text and the counts of the fixes that changed something.</returns>
    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffers = default(Buffers);
        try
        {
            var result = Normalize(text.AsMemory(), ref buffers, out var fixes);
            return new NormalizedText(AsString(result), fixes);
        }
        finally
        {
            buffers.Release();
        }
    }

    /// <summary>
    /// Normalises text held anywhere (a pooled buffer in the processing path) without making a string of the result: it
    /// is the input itself, one of <paramref name="buffers"/> (valid until they are released), or a custom fix's string.
    /// </summary>
    internal ReadOnlyMemory<char> Normalize(ReadOnlyMemory<char> text, ref Buffers buffers, out IReadOnlyDictionary<string, int> fixes)
    {
        Dictionary<string, int>? counts = null;

        // The built-in fixes read the current text (the input or one buffer) and write into the other buffer, so a
        // document is copied at most once per fix that changes it and never into a string. A custom fix (string contract
        // only) gets the text as a string, which is made then and only then.
        PooledCharBuffer? current = null;
        foreach (var fix in _fixes)
        {
            int changes;
            if (fix is ISpanTextFix spanFix)
            {
                var source = current is null ? text.Span : current.WrittenSpan;
                var target = current == buffers.First ? (buffers.Second ??= new PooledCharBuffer(source.Length + 64))
                                                      : (buffers.First ??= new PooledCharBuffer(source.Length + 64));
                target.Clear();
                if (spanFix.TryApply(source, target, out changes))
                {
                    current = target;
                }
            }
            else
            {
                var asString = current is null ? AsString(text) : new string(current.WrittenSpan);
                current = null;
                text = fix.Apply(asString, out changes).AsMemory();
            }

            if (changes > 0)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[fix.Name] = counts.GetValueOrDefault(fix.Name) + changes;
            }
        }

        fixes = counts ?? NoFixes;
        return current is null ? text : current.WrittenMemory;
    }

    /// <summary>The text as a string: the string itself when it is all of one.</summary>
    private static string AsString(ReadOnlyMemory<char> text) =>
        MemoryMarshal.TryGetString(text, out var s, out var start, out var length) && start == 0 && length == s.Length
            ? s
            : new string(text.Span);

    /// <summary>
    /// The built-in fixes the options enable, in the order they must run. Entities come first because entity-encoded
    /// mojibake (<c>&amp;acirc;&amp;euro;&amp;trade;</c>) is common; mojibake comes before line endings because U+0085
    /// (NEL) is also a UTF-8 continuation byte read as Latin-1; control characters are removed before NFC (removing one
    /// can bring a base and its combining mark together) and before whitespace (removing one can leave two spaces);
    /// the space-inserting fixes run last, on tidy text.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The fixes.</returns>
    public static IReadOnlyList<ITextFix> DefaultFixes(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var fixes = new List<ITextFix>();
        if (options.HtmlEntities) { fixes.Add(new HtmlEntitiesFix()); }
        if (options.Mojibake) { fixes.Add(new MojibakeFix(options.MaxMojibakePasses)); }
        if (options.LineEndings) { fixes.Add(new LineEndingsFix()); }
        if (options.ControlCharacters) { fixes.Add(new ControlCharactersFix()); }
        if (options.UnicodeNormalization) { fixes.Add(new UnicodeNormalizationFix()); }
        if (options.OddSpaces) { fixes.Add(new OddSpacesFix()); }
        if (options.Whitespace) { fixes.Add(new WhitespaceFix()); }
        if (options.HyphenatedLineBreaks) { fixes.Add(new HyphenatedLineBreaksFix()); }
        if (options.GluedSentences) { fixes.Add(new GluedSentencesFix()); }
        if (options.SpaceBeforeOpeningQuote) { fixes.Add(new SpaceBeforeOpeningQuoteFix()); }
        return fixes;
    }

    /// <summary>The two pooled buffers the fixes alternate between; release them once the result has been read.</summary>
    internal struct Buffers
    {
        public PooledCharBuffer? First;
        public PooledCharBuffer? Second;

        public void Release()
        {
            First?.Release();
            Second?.Release();
            First = Second = null;
        }
    }
}
