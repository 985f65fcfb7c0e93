using System.Text;
using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Tests.Deduplication;

public sealed class NfkcQuickCheckTests
{
    [Theory]
    [InlineData("plain ascii")]
    [InlineData("He said “it’s fine” — café, naïve, Ångström")]
    [InlineData("Ein Straßenfest in Köln")]
    [InlineData("Москва, 3 марта")]
    [InlineData("cafe\u0301")]             // decomposed: not NFKC
    [InlineData("fi\uFB01 ligature")]      // compatibility character
    [InlineData("x\u00A0y")]               // no-break space folds to a space
    [InlineData("wait\u2026")]             // ellipsis folds to three dots
    [InlineData("\u1100\u1161")]           // conjoining jamo compose to a syllable
    [InlineData("x² ½")]
    public void Agrees_with_the_runtime(string text)
    {
        Assert.Equal(text.IsNormalized(NormalizationForm.FormKC), NfkcQuickCheck.IsNormalized(text));
    }

    // Pairs of characters below U+3000 exercise composition with the character before, which a per-character table could miss.
    [Fact]
    public void Agrees_with_the_runtime_on_random_pairs_and_runs()
    {
        var random = new Random(20261203);
        var buffer = new char[6];
        for (var n = 0; n < 200_000; n++)
        {
            var length = 2 + random.Next(buffer.Length - 1);
            for (var i = 0; i < length; i++)
            {
                // Mostly the characters of ordinary text, with the whole range below U+3000 mixed in.
                buffer[i] = random.Next(3) == 0 ? (char)random.Next(0x20, 0x250) : (char)random.Next(0x20, 0x3000);
                if (char.IsSurrogate(buffer[i]))
                {
                    buffer[i] = 'a';
                }
            }

            var text = new string(buffer, 0, length);
            Assert.True(text.IsNormalized(NormalizationForm.FormKC) == NfkcQuickCheck.IsNormalized(text), $"Disagrees on {string.Join(' ', text.Select(c => ((int)c).ToString("X4")))}");
        }
    }
}
