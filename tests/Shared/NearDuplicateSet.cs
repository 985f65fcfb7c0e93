using System.Globalization;
using System.Text;
using static Pipeline.Tests.Shared.NearDuplicateTexts;

namespace Pipeline.Tests.Shared;

/// <summary>
/// A labelled near-duplicate set, generated deterministically from <see cref="NearDuplicateTexts"/>. Each story
/// gives four documents: an article A, a syndicated copy A' of it, a different article N on the same story (same
/// people, places, organisation and subject) and a copy N' of N. Positives: (A, A') and (N, N'). Hard negatives:
/// the four cross pairs (A, N), (A, N'), (A', N), (A', N').
/// </summary>
/// <remarks>
/// <para>Copies, as outlets make them: a rewritten lead, kicker or headline, another byline, paragraphs added (a
/// local angle), dropped, cut to a short version, or moved, outlet boilerplate lines, and their own layout (one line
/// per paragraph, blank lines, hard-wrapped lines, CRLF, doubled spaces, indents).</para>
/// <para>Negatives, as newsrooms write them: an independent article on the same story; a follow-up that repeats one
/// to three background paragraphs of the first; or a formulaic one written to the same plan (the same sentence
/// templates in the same order, other wording and figures), sometimes with a background paragraph repeated.</para>
/// <para>Uses <see cref="Random"/> with fixed seeds, whose sequence .NET keeps stable for a given seed.</para>
/// </remarks>
internal sealed class NearDuplicateSet
{
    private NearDuplicateSet(IReadOnlyList<Item> documents, IReadOnlyList<(string A, string B)> positives, IReadOnlyList<(string A, string B)> negatives)
    {
        Documents = documents;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>One document of the set.</summary>
    /// <param name="Name">File name, e.g. <c>s017-a-copy.txt</c>.</param>
    /// <param name="Text">The raw text.</param>
    /// <param name="Kind">How it was made: <c>article</c>, or the copy's edits and the negative's kind.</param>
    public sealed record Item(string Name, string Text, string Kind);

    /// <summary>The documents, in the order they are to be processed (shuffled, so a copy may come first).</summary>
    public IReadOnlyList<Item> Documents { get; }

    /// <summary>Near-duplicate pairs (document names).</summary>
    public IReadOnlyList<(string A, string B)> Positives { get; }

    /// <summary>Hard-negative pairs (document names).</summary>
    public IReadOnlyList<(string A, string B)> Negatives { get; }

    /// <summary>Generates the set: <paramref name="stories"/> stories, four documents each.</summary>
    public static NearDuplicateSet Generate(int stories = 200, int seed = 14)
    {
        var items = new List<Item>();
        var positives = new List<(string, string)>();
        var negatives = new List<(string, string)>();
        for (var s = 0; s < stories; s++)
        {
            var random = new Random(HashCode32(seed, s));
            var story = Story.Draw(random, s);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"s{s:D3}");

            var planA = Plan.Draw(random);
            var a = Article.Write(story, planA, random, story.Source, story.Reporter);
            var (n, negativeKind) = WriteNegative(story, planA, a, random);
            var aCopy = Copy(story, a, random, out var aEdits);
            var nCopy = Copy(story, n, random, out var nEdits);

            items.Add(new Item($"{prefix}-a.txt", a.Render(random), "article"));
            items.Add(new Item($"{prefix}-a-copy.txt", aCopy.Render(random), "copy:" + aEdits));
            items.Add(new Item($"{prefix}-n.txt", n.Render(random), "negative:" + negativeKind));
            items.Add(new Item($"{prefix}-n-copy.txt", nCopy.Render(random), "copy:" + nEdits));
            positives.Add(($"{prefix}-a.txt", $"{prefix}-a-copy.txt"));
            positives.Add(($"{prefix}-n.txt", $"{prefix}-n-copy.txt"));
            foreach (var left in new[] { "a", "a-copy" })
            {
                foreach (var right in new[] { "n", "n-copy" })
                {
                    negatives.Add(($"{prefix}-{left}.txt", $"{prefix}-{right}.txt"));
                }
            }
        }

        var order = new Random(seed);
        var shuffled = items.ToArray();
        order.Shuffle(shuffled);
        return new NearDuplicateSet(shuffled, positives, negatives);
    }

    private static (Article Article, string Kind) WriteNegative(Story story, Plan planA, Article a, Random random)
    {
        var roll = random.NextDouble();
        var reporter = story.Reporter2;
        if (roll < 0.45)
        {
            return (Article.Write(story, Plan.Draw(random), random, story.Source, reporter), "independent");
        }

        if (roll < 0.75)
        {
            // A follow-up: new reporting, with background paragraphs of the first article repeated word for word.
            var follow = Article.Write(story, Plan.Draw(random), random, story.Source, reporter);
            var shared = random.Next(1, 4);
            var body = a.Body.Skip(1).Take(a.Body.Count - 2).ToList();
            for (var i = 0; i < shared && body.Count > 0; i++)
            {
                var pick = body[random.Next(body.Count)];
                body.Remove(pick);
                follow.Body.Insert(random.Next(1, follow.Body.Count), pick);
            }

            return (follow, $"follow-up({shared})");
        }

        // Formulaic: the same plan, written again (other alternatives, figures, days), maybe with one paragraph repeated.
        var formulaic = Article.Write(story, planA, random, story.Source, reporter, a.Wording, keep: 0.85);
        var repeated = random.NextDouble() < 0.5 ? 1 : 0;
        if (repeated == 1 && a.Body.Count > 3)
        {
            var i = random.Next(1, a.Body.Count - 1);
            formulaic.Body[Math.Min(i, formulaic.Body.Count - 2)] = a.Body[i];
        }

        return (formulaic, $"formulaic({repeated})");
    }

    private static Article Copy(Story story, Article original, Random random, out string edits)
    {
        var copy = original.Clone();
        var done = new List<string>();
        var outlet = Pick(random, Outlets.Where(o => o != story.Source).ToArray());
        if (random.NextDouble() < 0.35)
        {
            copy.Body[0] = Article.Paragraph(story, Plan.LeadParagraph(random), random, withDateline: copy.Dateline);
            done.Add("lead");
        }

        if (random.NextDouble() < 0.25)
        {
            copy.Body[^1] = Article.Paragraph(story, Plan.KickerParagraph(random), random, withDateline: null);
            done.Add("kicker");
        }

        if (random.NextDouble() < 0.6)
        {
            copy.Headline = Article.NewHeadline(story, random);
            done.Add("headline");
        }

        if (random.NextDouble() < 0.5)
        {
            copy.Byline = $"By {PersonName(random)}, {outlet}";
            done.Add("byline");
        }

        var cut = random.NextDouble();
        if (cut < 0.06 && copy.Body.Count > 6)
        {
            // A short version: the top of the story.
            var keep = (int)Math.Round(copy.Body.Count * (0.4 + (0.25 * random.NextDouble())));
            copy.Body.RemoveRange(keep, copy.Body.Count - keep);
            done.Add($"short({keep})");
        }
        else if (cut < 0.3 && copy.Body.Count > 5)
        {
            var drop = random.Next(1, 3);
            for (var i = 0; i < drop; i++)
            {
                copy.Body.RemoveAt(random.Next(1, copy.Body.Count - 1));
            }

            done.Add($"dropped({drop})");
        }

        if (random.NextDouble() < 0.25)
        {
            var add = random.Next(1, 3);
            for (var i = 0; i < add; i++)
            {
                var angle = Fill(Pick(random, LocalAngles), story, random, story.Resident, outlet);
                copy.Body.Insert(random.Next(1, copy.Body.Count), angle);
            }

            done.Add($"added({add})");
        }

        if (random.NextDouble() < 0.3 && copy.Body.Count > 4)
        {
            var from = random.Next(1, copy.Body.Count);
            var paragraph = copy.Body[from];
            copy.Body.RemoveAt(from);
            copy.Body.Insert(random.Next(1, copy.Body.Count), paragraph);
            done.Add("moved");
        }

        if (random.NextDouble() < 0.6)
        {
            var lines = random.Next(1, 4);
            for (var i = 0; i < lines; i++)
            {
                var line = Fill(Pick(random, BoilerplateLines), story, random, story.Resident, outlet);
                switch (random.Next(3))
                {
                    case 0: copy.Top.Add(line); break;
                    case 1: copy.Bottom.Add(line); break;
                    default: copy.Body.Insert(random.Next(1, copy.Body.Count), line); break;
                }
            }

            done.Add($"boilerplate({lines})");
        }

        edits = done.Count == 0 ? "layout" : string.Join('+', done);
        return copy;
    }

    /// <summary>Fills <c>[a|b]</c> alternatives and <c>{Slot}</c>s.</summary>
    private static string Fill(string template, Story story, Random random, Person speaker, string outlet) =>
        Fill(template, story, random, random, speaker, outlet);

    /// <summary>Fills a template, the wording (<c>[a|b]</c>) from <paramref name="choices"/>, the figures and days from <paramref name="values"/>.</summary>
    private static string Fill(string template, Story story, Random choices, Random values, Person speaker, string outlet)
    {
        var text = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '[')
            {
                var end = template.IndexOf(']', i);
                var options = template[(i + 1)..end].Split('|');
                text.Append(options[choices.Next(options.Length)]);
                i = end + 1;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i);
                text.Append(Slot(template[(i + 1)..end], story, values, speaker, outlet));
                i = end + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        var filled = text.ToString();
        return filled.Contains('{') || filled.Contains('[') ? Fill(filled, story, choices, values, speaker, outlet) : filled;
    }

    private static string Slot(string name, Story story, Random random, Person speaker, string outlet) => name switch
    {
        "Town" => story.Town,
        "OtherTown" => story.OtherTown,
        "Region" => story.Region,
        "Org" => story.Organisation,
        "Subject" => story.Subject.Long,
        "Short" => story.Subject.Short,
        "Official" => story.Official.Name,
        "OfficialRole" => story.Official.Role,
        "Speaker" => $"{speaker.Name}, {speaker.Role}",
        "SpeakerLast" => speaker.Last,
        "Outlet" => outlet,
        "Source" => story.Source,
        "Reporter" => story.Reporter,
        "Reporter2" => story.Reporter2,
        "Num" => random.Next(2, 10).ToString(CultureInfo.InvariantCulture),
        "Pct" => random.Next(5, 60).ToString(CultureInfo.InvariantCulture),
        "Money" or "Money2" => string.Create(CultureInfo.InvariantCulture, $"{random.Next(2, 90)}.{random.Next(1, 10)} million euros"),
        "Day" => Pick(random, Days),
        "Month" => Pick(random, Months),
        "Year" => story.Year.ToString(CultureInfo.InvariantCulture),
        "Year2" => (story.Year + random.Next(1, 6)).ToString(CultureInfo.InvariantCulture),
        "Decade" => (1950 + (10 * random.Next(0, 7))).ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown slot {name}."),
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string PersonName(Random random) => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}";

    private static int HashCode32(int seed, int story) => unchecked((seed * 1_000_003) + (story * 7919) + 17);

    internal sealed record Person(string Name, string Last, string Role);

    private sealed record Story(
        string Town, string OtherTown, string Region, string Organisation, (string Long, string Short) Subject,
        Person Official, Person Expert, Person Resident, string Source, string Reporter, string Reporter2, int Year)
    {
        public static Story Draw(Random random, int index)
        {
            var town = Pick(random, Towns);
            var other = Pick(random, Towns.Where(t => t != town).ToArray());
            var organisation = Pick(random, Organisations);
            Person DrawPerson(string role)
            {
                var first = Pick(random, FirstNames);
                var last = Pick(random, LastNames);
                return new Person($"{first} {last}", last, role);
            }

            var story = new Story(
                town, other, Pick(random, Regions), organisation, Subjects[(index + random.Next(Subjects.Length)) % Subjects.Length],
                DrawPerson(Pick(random, OfficialRoles)), DrawPerson(string.Empty), DrawPerson(string.Empty),
                Pick(random, Outlets), PersonName(random), PersonName(random), random.Next(2015, 2026));
            return story with
            {
                Official = story.Official with { Role = $"the {story.Official.Role} of {town}" },
                Expert = story.Expert with { Role = Fill(Pick(random, ExpertRoles), story, random, story.Expert, story.Source) },
                Resident = story.Resident with { Role = Fill(Pick(random, ResidentRoles), story, random, story.Resident, story.Source) },
            };
        }
    }

    /// <summary>What an article says, paragraph by paragraph: which templates, which speaker.</summary>
    private sealed record Plan(IReadOnlyList<IReadOnlyList<(string Template, int Speaker)>> Paragraphs)
    {
        public static Plan Draw(Random random)
        {
            var paragraphs = new List<IReadOnlyList<(string, int)>> { LeadParagraph(random) };
            var body = random.Next(8, 15);
            for (var p = 0; p < body; p++)
            {
                var sentences = new List<(string, int)>();
                if (random.NextDouble() < 0.35)
                {
                    sentences.Add((Pick(random, Quotes), random.Next(3)));
                    if (random.NextDouble() < 0.5)
                    {
                        sentences.Add((Pick(random, Facts), 0));
                    }
                }
                else
                {
                    var count = random.Next(2, 4);
                    for (var s = 0; s < count; s++)
                    {
                        sentences.Add((Pick(random, Facts), 0));
                    }
                }

                paragraphs.Add(sentences);
            }

            paragraphs.Add(KickerParagraph(random));
            return new Plan(paragraphs);
        }

        public static IReadOnlyList<(string, int)> LeadParagraph(Random random) =>
            [(Pick(random, Leads), 0), (Pick(random, Facts), 0)];

        public static IReadOnlyList<(string, int)> KickerParagraph(Random random) =>
            random.NextDouble() < 0.5 ? [(Pick(random, Kickers), random.Next(3))] : [(Pick(random, Facts), 0), (Pick(random, Kickers), random.Next(3))];
    }

    private sealed class Article
    {
        public required string Headline { get; set; }
        public required string Byline { get; set; }
        public required string Dateline { get; init; }
        public required List<string> Body { get; init; }
        public List<string> Top { get; init; } = [];
        public List<string> Bottom { get; init; } = [];

        /// <summary>The seed of each sentence's wording, paragraph by paragraph (a formulaic article reuses some).</summary>
        public List<int[]> Wording { get; init; } = [];

        /// <summary>
        /// Writes an article to a plan. With <paramref name="wording"/>, a sentence keeps that article's wording with
        /// probability <paramref name="keep"/> (its figures and days are drawn again).
        /// </summary>
        public static Article Write(Story story, Plan plan, Random random, string outlet, string reporter, List<int[]>? wording = null, double keep = 0)
        {
            var month = Pick(random, Months);
            var dateline = string.Create(CultureInfo.InvariantCulture, $"{story.Town.ToUpperInvariant()}, {month} {random.Next(1, 29)}, {story.Year}");
            var seeds = new List<int[]>();
            var body = new List<string>();
            for (var p = 0; p < plan.Paragraphs.Count; p++)
            {
                var paragraph = plan.Paragraphs[p];
                var own = new int[paragraph.Count];
                for (var s = 0; s < own.Length; s++)
                {
                    own[s] = wording is not null && p < wording.Count && s < wording[p].Length && random.NextDouble() < keep ? wording[p][s] : random.Next();
                }

                seeds.Add(own);
                body.Add(Paragraph(story, paragraph, random, p == 0 ? dateline : null, own));
            }

            return new Article { Headline = NewHeadline(story, random), Byline = $"By {reporter}, {outlet}", Dateline = dateline, Body = body, Wording = seeds };
        }

        public static string Paragraph(Story story, IReadOnlyList<(string Template, int Speaker)> sentences, Random random, string? withDateline, int[]? wording = null)
        {
            var speakers = new[] { story.Official, story.Expert, story.Resident };
            var text = string.Join(' ', sentences.Select((s, i) =>
                Fill(s.Template, story, wording is null ? random : new Random(wording[i]), random, speakers[s.Speaker], story.Source)));
            return withDateline is null ? text : $"{withDateline} - {text}";
        }

        public static string NewHeadline(Story story, Random random) => Fill(Pick(random, new[]
        {
            "{Town} [Votes On|Delays|Backs|Rejects] [Plan For|Decision On] {Short}",
            "[Row|Questions|Doubts] Over {Short} in {Town}",
            "{Org} [Warns|Says|Admits] {Short} Will Cost {Money}",
            "[Residents|Businesses|Families] in {Town} [Split|Angry|Divided] Over {Short}",
        }), story, random, story.Official, story.Source);

        public Article Clone() => new()
        {
            Headline = Headline, Byline = Byline, Dateline = Dateline, Body = [.. Body], Top = [.. Top], Bottom = [.. Bottom], Wording = Wording,
        };

        /// <summary>The article as a file, in one of the layouts scraped text comes in.</summary>
        public string Render(Random random)
        {
            var paragraphs = new List<string>();
            paragraphs.AddRange(Top);
            paragraphs.Add(Headline);
            paragraphs.Add(Byline);
            paragraphs.AddRange(Body);
            paragraphs.AddRange(Bottom);
            var layout = random.Next(6);
            var doubleSpaces = random.NextDouble() < 0.25;
            var text = new StringBuilder();
            foreach (var paragraph in paragraphs)
            {
                var p = doubleSpaces ? paragraph.Replace(". ", ".  ", StringComparison.Ordinal) : paragraph;
                switch (layout)
                {
                    case 0: text.Append(p).Append('\n'); break;
                    case 1: text.Append(p).Append("\n\n"); break;
                    case 2: text.Append(Wrap(p, 60 + random.Next(20))).Append("\n\n"); break;
                    case 3: text.Append(p).Append("\r\n\r\n"); break;
                    case 4: text.Append('\t').Append(p).Append(" \n"); break;
                    default: text.Append(Wrap(p, 70 + random.Next(10)).Replace("\n", "\r\n", StringComparison.Ordinal)).Append("\r\n\r\n"); break;
                }
            }

            return text.ToString();
        }

        private static string Wrap(string paragraph, int width)
        {
            var lines = new StringBuilder();
            var line = 0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line > 0 && line + 1 + word.Length > width)
                {
                    lines.Append('\n');
                    line = 0;
                }
                else if (line > 0)
                {
                    lines.Append(' ');
                    line++;
                }

                lines.Append(word);
                line += word.Length;
            }

            return lines.ToString();
        }
    }
}
