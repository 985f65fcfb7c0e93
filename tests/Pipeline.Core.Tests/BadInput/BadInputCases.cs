using System.Text;
using Pipeline.Core.Documents;
using static Pipeline.Core.Tests.BadInput.BadInputs;

namespace Pipeline.Core.Tests.BadInput;

/// <summary>
/// The named bad inputs run by <see cref="BadInputTests.Bad_input_ends_as_a_processed_document_or_a_clear_rejection"/>.
/// Inputs of a megabyte or more are here too when they are cheap; the heaviest (20 MB, a million lines) are facts of their own.
/// </summary>
internal static class BadInputCases
{
    private const ResultStatus Processed = ResultStatus.Processed;
    private const ResultStatus Rejected = ResultStatus.Rejected;

    private static readonly string Paragraphs = Prose + "\n\n" + Prose.Replace("harbour", "river", StringComparison.Ordinal) + "\n";

    public static IReadOnlyList<BadInputCase> All { get; } =
    [
        // Empty and invisible.
        new("empty", () => [], Rejected, RejectionReasons.Empty),
        new("whitespace-only", () => Bytes(" \t\r\n  \n\t\f \r\n"), Rejected, RejectionReasons.WhitespaceOnly),
        new("unicode-spaces-only", () => Bytes("\u00A0\u2003\u3000\u2009\n\u202F"), Rejected, RejectionReasons.WhitespaceOnly),
        new("bom-only", () => [0xEF, 0xBB, 0xBF], Rejected, RejectionReasons.WhitespaceOnly),
        new("utf16-bom-only", () => [0xFF, 0xFE], Rejected, RejectionReasons.WhitespaceOnly),
        new("zero-width-only", () => Bytes(Times("\u200B\u200C\u200D\u2060\uFEFF", 10_000)), Rejected, RejectionReasons.WhitespaceOnly),

        // Binary.
        new("binary-random", () => Random(64 * 1024), Rejected, RejectionReasons.Binary),
        new("binary-png-header", () => Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Random(8 * 1024, seed: 3)), Rejected, RejectionReasons.Binary),
        new("bom-then-garbage", () => Concat([0xEF, 0xBB, 0xBF], Random(16 * 1024, seed: 5)), Rejected, null),
        new("nul-laden-text", () => Bytes(Sprinkle(Paragraphs, "\0", 10)), Rejected, RejectionReasons.Binary),
        new("text-header-binary-body", () => Concat(Bytes(Paragraphs), new byte[4096]), Rejected, RejectionReasons.Binary),
        new("dense-control-characters", () => Bytes(Sprinkle(Paragraphs, "\u0001\u0002\u001B", 3)), Rejected, RejectionReasons.Binary),

        // Broken encodings.
        new("truncated-utf8-at-end", () => Bytes(Prose + " café")[..^1], Processed, Check: r => Assert.StartsWith("The harbour council", r.Text)),
        new("truncated-utf8-in-middle", () => Concat(Bytes(Prose), [0xE2, 0x80], Bytes(" " + Prose)), Processed),
        new("overlong-utf8", () => Concat(Bytes(Prose + " "), [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xF0, 0x80, 0x80, 0xAF], Bytes(" " + Prose)), Processed,
            Check: r => Assert.DoesNotContain("/", r.Text)),
        new("utf8-encoded-lone-surrogates", () => Concat(Bytes(Prose + " "), [0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF], Bytes(" " + Prose)), Processed,
            Check: AssertNoLoneSurrogates),
        new("utf16le-lone-surrogates", () => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Prose + " \uD800 x \uDC00 " + Prose)), Processed,
            Check: AssertNoLoneSurrogates),
        new("utf16le-odd-length-with-bom", () => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Paragraphs), [0x41]), Processed,
            Check: r => Assert.Equal("utf-16le", r.Source.Encoding)),
        new("utf16le-odd-length-without-bom", () => Concat(Encoding.Unicode.GetBytes(Paragraphs), [0x41]), Processed,
            Check: r => Assert.Equal("utf-16le", r.Source.Encoding)),
        new("utf16be-with-bom", () => Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Paragraphs)), Processed,
            Check: r => Assert.Contains("ferry timetable", r.Text)),
        new("utf32le-with-bom", () => Concat([0xFF, 0xFE, 0x00, 0x00], Encoding.UTF32.GetBytes(Paragraphs)), Processed,
            Check: r => Assert.Contains("ferry timetable", r.Text)),
        new("mixed-utf8-and-cp1252", () => Concat(Bytes("Le café du port a rouvert. " + Prose + "\n\n"), [0x4C, 0x27, 0xE9, 0x74, 0xE9, 0x20, 0x92, 0x0A, 0x0A], Bytes(Prose)), Processed,
            Check: r => Assert.Contains("café", r.Text)),
        new("mixed-utf8-with-utf16-chunk", () => Concat(Bytes(Prose + "\n\n"), Encoding.Unicode.GetBytes("a wide chunk of text"), Bytes("\n\n" + Prose)), Rejected, RejectionReasons.Binary),
        new("utf8-with-stray-cp1252-byte", () => Concat(Bytes("Le café du port " + Prose), [0x92], Bytes("s résumé. " + Prose)), Processed,
            Check: r => { Assert.Equal("utf-8", r.Source.Encoding); Assert.Contains("café", r.Text); }),
        new("latin1-without-bom", () => Concat(Bytes("The caf"), [0xE9], Bytes(" and the na"), [0xEF], Bytes("ve cr"), [0xE8], Bytes("me. " + Prose)), Processed,
            Check: r => { Assert.Equal("windows-1252", r.Source.Encoding); Assert.Contains("café", r.Text); }),
        new("cyrillic-cp1251-bytes", () => Concat(Enumerable.Range(0, 2000).Select(i => (byte)(0xC0 + (i % 64))).ToArray()), Rejected, RejectionReasons.Undecodable),
        new("mojibake-three-deep", () => Bytes(Mojibake("It’s the café’s “best” résumé. " + Prose, 3)), Processed),

        // Invisible and formatting characters.
        new("sparse-control-characters", () => Bytes(Sprinkle(Paragraphs, "\u0007", 40)), Processed,
            Check: r => Assert.DoesNotContain('\u0007', r.Text!)),
        new("right-to-left-overrides", () => Bytes(Sprinkle(Paragraphs, "\u202E", 15) + "\u2066evil\u2069 \u202Dx\u202C"), Processed),
        new("zero-width-flood", () => Bytes(Sprinkle(Paragraphs, Times("\u200B", 1000), 5)), Processed,
            Check: r => Assert.Contains("harbour", r.Text)),
        new("combining-mark-flood", () => Bytes("Zalgo" + Times("\u0301\u0316\u0337", 30_000) + " " + Prose), Processed),
        new("bidi-and-isolates-only", () => Bytes(Times("\u202E\u202D\u2066\u2069", 1000)), Rejected, RejectionReasons.WhitespaceOnly),
        new("entities-for-surrogates-and-noncharacters", () => Bytes(Prose + " &#xD800; &#xDFFF; &#xFFFE; &#xFFFF; &#0; &#x110000; &#99999999999; " + Prose), Processed,
            Check: r => { AssertNoLoneSurrogates(r); Assert.DoesNotContain('\uFFFE', r.Text!); }),
        // A few stray non-text code points in real prose are cleaned away; prose buried under them is not text.
        new("noncharacters-and-private-use", () => Bytes(Sprinkle(Paragraphs, "\uFFFF\uFFFE\uE000", 80)), Processed,
            Check: r => Assert.DoesNotContain('\uFFFE', r.Text!)),
        new("prose-buried-in-private-use", () => Bytes(Sprinkle(Paragraphs, "\uFFFF\uE000\uF8FF", 10)), Rejected, RejectionReasons.Binary),
        new("emoji-zwj-sequences", () => Bytes(Times("👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 ", 2000) + "\n\n" + Prose), Processed,
            Check: AssertNoLoneSurrogates),

        // Line endings and lines.
        new("cr-only-line-endings", () => Bytes(Paragraphs.Replace("\n", "\r", StringComparison.Ordinal)), Processed,
            Check: r => Assert.Equal(2, r.Metadata!.ParagraphCount)),
        new("mixed-line-endings-and-separators", () => Bytes(Prose + "\r\n\r\n" + Prose + "\u2029" + Prose + "\u2028\n\r" + Prose), Processed),
        new("one-line-100k-no-space", () => Bytes(Times("a", 100_000)), Processed),
        new("single-word-1mb", () => Bytes(Times("supercalifragilistic", 52_429)), Processed),
        new("base64-blob-5mb", () => Bytes(Convert.ToBase64String(Random(3_932_160, seed: 11))), Processed),
        new("base64-blob-wrapped-76", () => Bytes(Convert.ToBase64String(Random(600_000, seed: 13), Base64FormattingOptions.InsertLineBreaks)), Processed),

        // Repetition.
        new("only-boilerplate-lines", () => Bytes("Share\nTweet\nSubscribe to our newsletter\nFollow us on Twitter\nRead more\nAdvertisement\nCopyright 2024 Example Media\n"),
            Rejected, RejectionReasons.NoContent),
        new("identical-paragraphs-10000", () => Bytes(Times(Prose + "\n\n", 10_000)), Processed,
            Check: r => { Assert.Equal(1, r.Metadata!.ParagraphCount); Assert.Equal(Prose, r.Text); }),
        new("million-dots", () => Bytes(Times(".", 1_000_000)), Processed),
        new("million-double-quotes", () => Bytes(Times("\"", 1_000_000)), Processed),
        new("mr-abbreviations-100k", () => Bytes(Times("Mr. ", 100_000)), Processed),
        new("us-abbreviations", () => Bytes(Times("U.S. ", 100_000)), Processed),
        new("glued-sentences", () => Bytes(Times("x.Y", 200_000)), Processed),
        new("entity-flood", () => Bytes(Times("&amp;", 100_000) + " " + Times("&amp;amp;amp;#38;", 10_000)), Processed),

        // Structure.
        new("deeply-nested-quotes", () => Bytes(Times("“‘«\"'", 20_000) + "inside" + Times("'\"»’”", 20_000)), Processed),
        new("unbalanced-quotes", () => Bytes(Times("He said “it began ", 20_000) + Prose), Processed),
        new("deeply-nested-brackets", () => Bytes(Times("([{<", 50_000) + "core" + Times(">}])", 50_000)), Processed),
        new("html-markup-soup", () => Bytes(Times("<div class=\"a\"><p>Hello <b>there</b> &nbsp;<a href='http://x.example/?q=<'>link</a></div><script>var x = '</p>';</script><!-- ", 5000) + Prose), Processed),

        // Web pages (read as HTML: they start like one), each about 1 MiB of the construct.
        new("html-unclosed-tags", () => Bytes(HtmlPage(Times("<p>The ferry carried its first travellers of the season on Monday, three weeks late.<div><span>", 12_000))), Processed,
            Check: record => Assert.Contains("three weeks late.", record.Text, StringComparison.Ordinal)),
        new("html-nested-tables", () => Bytes(HtmlPage(Times("<table><tr><td>cell ", 52_000) + "<p>" + Prose + "</p>")), Processed,
            Check: record => Assert.Contains(Prose, record.Text, StringComparison.Ordinal)),
        new("html-entity-flood", () => Bytes(HtmlPage("<p>" + Times("&amp;&lt;&#8217;&eacute;&nbsp;&#x2014;", 30_000) + "</p><p>" + Prose + "</p>")), Processed),
        new("html-script-only", () => Bytes("<!DOCTYPE html><html><head>" + Times("<script>var state = {\"items\": [1, 2, 3], \"user\": null};</script>", 15_000) + "</head><body><div id=\"app\"></div></body></html>"), Rejected, RejectionReasons.NoContent),
        new("html-frameset", () => Bytes("<!DOCTYPE html><html><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>"), Rejected, RejectionReasons.NoContent),
        new("html-link-farm", () => Bytes(HtmlPage("<ul>" + Times("<li><a href=\"/tag/x\">Tag</a></li>", 30_000) + "</ul><p>" + Prose + "</p>")), Processed,
            Check: record => Assert.Equal(Prose, record.Text)),
        new("html-deep-divs", () => Bytes(HtmlPage(Times("<div>", 200_000) + "<p>" + Prose + "</p>" + Times("</div>", 200_000))), Processed,
            Check: record => Assert.Equal(Prose, record.Text)),

        // Content types.
        new("very-long-url", () => Bytes("See https://example.com/" + Times("segment/", 20_000) + "?q=" + Times("a", 50_000) + " for details. " + Prose), Processed),
        new("email-flood", () => Bytes(string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"user{i}@mail{i % 100}.example.org"))), Processed),
        new("numbers-only", () => Bytes(string.Join(" ", Enumerable.Range(0, 100_000).Select(i => (i * 7919 % 100_003).ToString(System.Globalization.CultureInfo.InvariantCulture)))), Processed),
        new("all-caps", () => Bytes(Paragraphs.ToUpperInvariant()), Processed),
        new("arabic-text", () => Bytes("اجتمع مجلس الميناء يوم الثلاثاء لمناقشة جدول العبارات الجديد. وطلب السكان رحلة صباحية أبكر."), Processed),
        new("hebrew-text", () => Bytes("מועצת הנמל נפגשה ביום שלישי כדי לדון בלוח הזמנים החדש של המעבורת. התושבים ביקשו הפלגה מוקדמת יותר."), Processed),
        new("cjk-text", () => Bytes("港口委员会周二开会讨论新的渡轮时刻表。居民要求增加早班和晚班。委员会表示将在月底前公布修订计划。"), Processed),

        // Names: the name is data only; the record carries it unchanged.
        new("name-with-spaces", () => Bytes(Prose), Processed, InputName: "news/2024 06 01/harbour council meeting.txt"),
        new("name-non-latin", () => Bytes(Prose), Processed, InputName: "новости/港口/مجلس.txt"),
        new("name-dot-dot", () => Bytes(Prose), Processed, InputName: "../../results/evil.txt"),
        new("name-leading-slash", () => Bytes(Prose), Processed, InputName: "/etc/passwd"),
        new("name-1024-characters", () => Bytes(Prose), Processed, InputName: "n/" + new string('x', 1022)),
        new("name-control-characters", () => Bytes(Prose), Processed, InputName: "a\u0000b\r\nc\u202Ed.txt"),
    ];

    private static string HtmlPage(string body) => $"<!DOCTYPE html><html><head><title>Harbour</title></head><body>{body}</body></html>";

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static BadInputCase Named(string name) => All.Single(c => c.Name == name);

    private static void AssertNoLoneSurrogates(DocumentRecord record)
    {
        var text = record.Text!;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(text[i]), $"Lone surrogate U+{(int)text[i]:X4} at {i}.");
        }
    }
}
