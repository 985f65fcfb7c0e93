using System.Text;

namespace Pipeline.LoadDriver;

/// <summary>
/// Unique news-like articles of about a given size: paragraphs drawn at random from the project's English
/// samples, each with a sentence of its own, so that no two articles are near-duplicates.
/// </summary>
internal sealed class SyntheticArticles
{
    private readonly string[] _paragraphs;
    private readonly Random _random;

    public SyntheticArticles(string samplesFolder, int seed)
    {
        _random = new Random(seed);
        _paragraphs = new[] { "01-dateline-article.txt", "02-repeated-copy.txt", "09-boilerplate.txt", "10-near-duplicate-a.txt", "17-iso-dateline.txt", "16-short-note.txt" }
            .Select(f => Path.Combine(samplesFolder, f))
            .Where(File.Exists)
            .SelectMany(f => File.ReadAllLines(f))
            .Where(l => l.Length > 120)
            .Distinct()
            .ToArray();
        if (_paragraphs.Length < 10)
        {
            throw new InvalidOperationException($"Too few sample paragraphs under {samplesFolder}.");
        }
    }

    public byte[] Next(int index, int targetBytes)
    {
        var text = new StringBuilder(targetBytes + 512);
        text.Append("Load test article ").Append(index).Append(" of the ingestion benchmark\n");
        var word = 0;
        while (text.Length < targetBytes)
        {
            text.Append(_paragraphs[_random.Next(_paragraphs.Length)]);
            text.Append(" Field note ").Append(index).Append('-').Append(word++).Append(" recorded ")
                .Append(Token()).Append(' ').Append(Token()).Append(' ').Append(Token()).Append(" near marker ")
                .Append(Token()).Append(".\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string Token()
    {
        Span<char> chars = stackalloc char[7];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + _random.Next(26));
        }

        return new string(chars);
    }
}
