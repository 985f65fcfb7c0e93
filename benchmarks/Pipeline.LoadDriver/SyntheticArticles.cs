using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.LoadDriver;

/// <summary>
/// Unique news-like articles of about a given size: sentences of words drawn from the project's English
/// samples with their frequencies (so common words are common), a headline and paragraphs. Drawing
/// words rather than whole paragraphs keeps articles from sharing shingles, as unique articles do.
/// </summary>
internal sealed partial class SyntheticArticles
{
    private readonly string[] _words;
    private readonly Random _random;

    public SyntheticArticles(string samplesFolder, int seed)
    {
        _random = new Random(seed);
        _words = new[] { "01-dateline-article.txt", "02-repeated-copy.txt", "09-boilerplate.txt", "10-near-duplicate-a.txt", "17-iso-dateline.txt" }
            .Select(f => Path.Combine(samplesFolder, f))
            .Where(File.Exists)
            .SelectMany(f => Word().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .ToArray();
        if (_words.Length < 500)
        {
            throw new InvalidOperationException($"Too few sample words under {samplesFolder}.");
        }
    }

    public byte[] Next(int index, int targetBytes)
    {
        var text = new StringBuilder(targetBytes + 512);
        text.Append("Report ").Append(index).Append(": ").Append(Capitalised(Sentence(6))).Append('\n');
        while (text.Length < targetBytes)
        {
            var sentences = _random.Next(3, 7);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Capitalised(Sentence(_random.Next(10, 26)))).Append(". ");
            }

            text.Length--;
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string Sentence(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[_random.Next(_words.Length)].ToLowerInvariant()));

    private static string Capitalised(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"\p{L}+", RegexOptions.NonBacktracking)]
    private static partial Regex Word();
}
