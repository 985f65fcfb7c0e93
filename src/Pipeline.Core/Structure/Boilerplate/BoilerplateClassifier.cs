using System.Buffers;
using Pipeline.Core.Structure.Paragraphs;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// Tells a page's main text from its furniture, block by block, in the manner of jusText (Pomikálek, 2011): each block is
/// first judged on its own (length, density of the page language's function words, menu separators), then short and
/// uncertain blocks take the class of their neighbours (a short line between two good paragraphs is good). On top of
/// that, the article is taken to be one run of text: the run of blocks with the most good text against furniture wins,
/// and reader comments below a comments heading are cut from it.
/// </summary>
/// <remarks>
/// A text that shows no furniture at all (fewer than <see cref="MinFurnitureBlocks"/> bad blocks) is an article already,
/// and is kept whole: the classifier only removes text from pages that have something to remove.
/// </remarks>
internal static class BoilerplateClassifier
{
    /// <summary>Bad blocks a text must have before anything but rule lines is removed from it.</summary>
    private const int MinFurnitureBlocks = 3;

    /// <summary>How far (in characters) a heading may sit above good text and still belong to it (jusText's value).</summary>
    private const int MaxHeadingDistance = 200;

    /// <summary>Half the weight a run of near-good paragraphs needs to count as running text.</summary>
    private const int MinGoodRunParagraph = 200;

    /// <summary>Most blocks a first comment above its reply button is taken to have.</summary>
    private const int MaxCommentBlocks = 6;

    /// <summary>How many of the run's last good blocks may be an author box.</summary>
    private const int MaxTailBlocks = 3;

    /// <summary>Share of the run's good text an article-end heading must have above it.</summary>
    private const double ArticleEndShare = 2.0 / 3;

    /// <summary>A paragraph this long just below an article-end heading says the article goes on: the heading heads a box inside it.</summary>
    private const int ResumingParagraph = 400;

    /// <summary>How many blocks below an article-end heading are looked at for the article going on.</summary>
    private const int ResumeLookahead = 4;

    /// <summary>Short entries in a row that make a menu.</summary>
    private const int MinMenuRun = 4;

    /// <summary>Longest menu entry, in characters.</summary>
    private const int MaxMenuEntryLength = 40;

    /// <summary>The least a bad block counts against a run of text, so a menu of one-word entries weighs something.</summary>
    private const int MinBadWeight = 20;

    /// <summary>
    /// Classifies <paramref name="blocks"/>: <paramref name="verdicts"/> comes in with <see cref="BlockVerdict.Handled"/> for
    /// blocks already decided (boilerplate rules, captions; a rule's line counts as furniture) and
    /// <see cref="BlockVerdict.Keep"/> elsewhere, and leaves with the decision for every block.
    /// </summary>
    /// <param name="blocks">The blocks' texts and layout hints.</param>
    /// <param name="ruleLines">Which blocks a boilerplate rule removed.</param>
    /// <param name="verdicts">In: handled or not; out: the verdicts.</param>
    /// <param name="options">Thresholds.</param>
    public static void Classify(BlockSpans blocks, ReadOnlySpan<bool> ruleLines, Span<BlockVerdict> verdicts, StructureOptions options)
    {
        var n = blocks.Count;
        if (n == 0 || !options.DetectMainContent)
        {
            return;
        }

        var features = ArrayPool<BlockFeatures>.Shared.Rent(n);
        var classes = ArrayPool<BlockClass>.Shared.Rent(n);
        var initial = ArrayPool<BlockClass>.Shared.Rent(n);
        try
        {
            BlockMeasure.Measure(blocks, features.AsSpan(0, n), options);
            var furniture = 0;
            var (minDensity, goodDensity) = DensityThresholds(features.AsSpan(0, n), options);
            for (var i = 0; i < n; i++)
            {
                // A rule's line is furniture; a caption stays out of the flow (short, never revised).
                initial[i] = ruleLines[i] ? BlockClass.Bad : IsCaption(verdicts, ruleLines, i) ? BlockClass.Short : Initial(features[i], options, minDensity, goodDensity);
                classes[i] = initial[i];
            }

            MarkMenuRuns(blocks, features.AsSpan(0, n), initial.AsSpan(0, n), verdicts);

            // Rule lines ("Advertisement", "Share") sit inside articles as often as around them: out of the flow while
            // neighbours decide, furniture again when the main run is weighed.
            for (var i = 0; i < n; i++)
            {
                classes[i] = ruleLines[i] ? BlockClass.Short : initial[i];
            }

            // Furniture of the text's own (menus, blocks without function words), not rule lines: a clean article with a
            // share line or two is kept whole.
            for (var i = 0; i < n; i++)
            {
                furniture += verdicts[i] != BlockVerdict.Handled && initial[i] == BlockClass.Bad ? 1 : 0;
            }

            if (furniture < MinFurnitureBlocks)
            {
                return;
            }

            Smooth(features.AsSpan(0, n), initial.AsSpan(0, n), classes.AsSpan(0, n), verdicts, ruleLines);
            for (var i = 0; i < n; i++)
            {
                classes[i] = ruleLines[i] ? BlockClass.Bad : classes[i];
            }

            var (start, end) = MainRun(features.AsSpan(0, n), initial.AsSpan(0, n), classes.AsSpan(0, n), verdicts, ruleLines, 0, n);
            if (start > end)
            {
                return; // no good text at all: keep what there is rather than reject the page
            }

            var commentStart = CommentStart(blocks, features.AsSpan(0, n), classes.AsSpan(0, n), verdicts, start, end);
            var articleEnd = ArticleEnd(blocks, features.AsSpan(0, n), classes.AsSpan(0, n), verdicts, start, commentStart >= 0 ? commentStart - 1 : end);
            var cut = articleEnd >= 0 ? articleEnd : commentStart;
            if (cut >= 0)
            {
                (start, end) = MainRun(features.AsSpan(0, n), initial.AsSpan(0, n), classes.AsSpan(0, n), verdicts, ruleLines, 0, cut);
            }

            var bios = AuthorBios(blocks, classes.AsSpan(0, n), verdicts, start, end);
            for (var i = 0; i < n; i++)
            {
                if (verdicts[i] == BlockVerdict.Handled)
                {
                    continue;
                }

                if (i >= start && i <= end && i >= bios.From && AuthorBioLine.Matches(blocks[i]))
                {
                    verdicts[i] = BlockVerdict.OutsideMainContent;
                    continue;
                }

                verdicts[i] = commentStart >= 0 && i >= commentStart ? BlockVerdict.Comment
                    : articleEnd >= 0 && i >= articleEnd ? BlockVerdict.OutsideMainContent
                    : classes[i] == BlockClass.Bad && !(i >= start && i <= end && initial[i] >= BlockClass.NearGood) ? (features[i].ListItem || features[i].Separators > 0 ? BlockVerdict.Navigation : BlockVerdict.Boilerplate)
                    : i < start || i > end ? BlockVerdict.OutsideMainContent
                    : BlockVerdict.Keep;
            }
        }
        finally
        {
            ArrayPool<BlockFeatures>.Shared.Return(features);
            ArrayPool<BlockClass>.Shared.Return(classes);
            ArrayPool<BlockClass>.Shared.Return(initial);
        }
    }

    /// <summary>
    /// Menus dumped one entry per line: <see cref="MinMenuRun"/> or more short entries in a row (a few words, no sentence
    /// punctuation) are furniture. Text dumps keep no links, so this stands in for jusText's link density. So are lists of
    /// other articles dumped one dated teaser per line ("08/01/2014 Headline of another story"), however prose-like their
    /// headlines read.
    /// </summary>
    private static void MarkMenuRuns(BlockSpans blocks, ReadOnlySpan<BlockFeatures> f, Span<BlockClass> initial, ReadOnlySpan<BlockVerdict> verdicts)
    {
        var n = f.Length;
        var entries = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                entries[i] = IsMenuEntry(f[i]);
            }

            MarkRuns(entries.AsSpan(0, n), initial, verdicts);
            for (var i = 0; i < n; i++)
            {
                entries[i] = IsDatedTeaser(blocks[i], f[i]);
            }

            MarkRuns(entries.AsSpan(0, n), initial, verdicts);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(entries);
        }
    }

    private static void MarkRuns(ReadOnlySpan<bool> isEntry, Span<BlockClass> initial, ReadOnlySpan<BlockVerdict> verdicts)
    {
        var n = isEntry.Length;
        var i = 0;
        while (i < n)
        {
            var end = i;
            var entries = 0;
            while (end < n && (verdicts[end] == BlockVerdict.Handled || isEntry[end]))
            {
                entries += verdicts[end] == BlockVerdict.Handled ? 0 : 1;
                end++;
            }

            if (entries >= MinMenuRun)
            {
                for (var j = i; j < end; j++)
                {
                    if (verdicts[j] != BlockVerdict.Handled)
                    {
                        initial[j] = BlockClass.Bad;
                    }
                }
            }

            i = end > i ? end : i + 1;
        }
    }

    // A teaser is a headline: one line, not a paragraph.
    private const int MaxTeaserLength = 200;

    /// <summary>A line led by a numeric date and a few words after it: "08/01/2014 Headline", "2020-04-29 Headline".</summary>
    private static bool IsDatedTeaser(ReadOnlySpan<char> block, in BlockFeatures f)
    {
        if (f.Weight > MaxTeaserLength || f.Words < 3 || block.IsEmpty || !char.IsAsciiDigit(block[0]))
        {
            return false;
        }

        var space = block.IndexOf(' ');
        return space > 0 && IsNumericDate(block[..space]);
    }

    /// <summary>dd.mm.yy(yy), dd/mm/yyyy, dd-mm-yyyy or yyyy-mm-dd: three runs of digits split by one kind of separator.</summary>
    private static bool IsNumericDate(ReadOnlySpan<char> token)
    {
        Span<int> lengths = stackalloc int[3];
        var part = 0;
        var separator = '\0';
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                lengths[part]++;
            }
            else if (c is '.' or '/' or '-' && part < 2 && lengths[part] > 0 && (separator == '\0' || separator == c))
            {
                separator = c;
                part++;
            }
            else
            {
                return false;
            }
        }

        return part == 2 && (lengths[0], lengths[1], lengths[2]) is ((1 or 2), (1 or 2), (2 or 4)) or (4, 2, 2);
    }

    private static bool IsMenuEntry(in BlockFeatures f) => f.Weight <= MaxMenuEntryLength && f.Words <= 4 && !f.EndsSentence;

    /// <summary>The last <see cref="MaxTailBlocks"/> good blocks of the run, where an author box sits: from which index to look.</summary>
    private static (int From, int Count) AuthorBios(BlockSpans blocks, ReadOnlySpan<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, int start, int end)
    {
        var seen = 0;
        var from = end + 1;
        for (var i = end; i >= start && seen < MaxTailBlocks; i--)
        {
            if (classes[i] == BlockClass.Good && verdicts[i] != BlockVerdict.Handled && blocks[i].Length >= 20)
            {
                seen++;
                from = i;
            }
        }

        return (from, seen);
    }

    /// <summary>A block handled before (a caption) that no rule removed: out of the text's flow.</summary>
    private static bool IsCaption(ReadOnlySpan<BlockVerdict> verdicts, ReadOnlySpan<bool> ruleLines, int i) =>
        verdicts[i] == BlockVerdict.Handled && !ruleLines[i];

    /// <summary>jusText's context-free class.</summary>
    private static BlockClass Initial(in BlockFeatures f, StructureOptions options, double minDensity, double goodDensity)
    {
        // Menus written on one line: "Politik | Wirtschaft | Sport".
        if (f.Separators >= 2 && f.Separators * 3 >= f.Words)
        {
            return BlockClass.Bad;
        }

        if (f.Weight < options.MinParagraphLength)
        {
            return BlockClass.Short;
        }

        if (f.StopWords < 0)
        {
            // No function-word list for the page's language: length and a full stop decide.
            return f.Weight >= options.GoodParagraphLength && f.EndsSentence ? BlockClass.Good : BlockClass.NearGood;
        }

        var density = f.StopWordDensity;
        if (density >= goodDensity)
        {
            return f.Weight >= options.GoodParagraphLength ? BlockClass.Good : BlockClass.NearGood;
        }

        return density >= minDensity ? BlockClass.NearGood : BlockClass.Bad;
    }

    /// <summary>
    /// The density thresholds for this page: the options' values, lowered for a language whose prose has fewer of the listed
    /// function words (an inflected language such as Polish or Russian) to a share of the density of the page's own long,
    /// sentence-ending blocks, which are prose on nearly every page.
    /// </summary>
    private static (double Min, double Good) DensityThresholds(ReadOnlySpan<BlockFeatures> f, StructureOptions options)
    {
        long words = 0, stopWords = 0;
        foreach (var block in f)
        {
            if (block.StopWords >= 0 && block.Weight >= options.GoodParagraphLength && block.EndsSentence)
            {
                words += block.Words;
                stopWords += block.StopWords;
            }
        }

        if (words < 100)
        {
            return (options.MinStopWordDensity, options.GoodStopWordDensity);
        }

        var prose = (double)stopWords / words;
        return (Math.Min(options.MinStopWordDensity, prose * 0.6), Math.Min(options.GoodStopWordDensity, prose * 0.7));
    }

    /// <summary>jusText's context-sensitive pass: headings near good text, short blocks, then near-good blocks.</summary>
    private static void Smooth(
        ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> initial, Span<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, ReadOnlySpan<bool> ruleLines)
    {
        var n = f.Length;

        // Short headings just above good text are near-good.
        for (var i = 0; i < n; i++)
        {
            if (f[i].Heading && classes[i] == BlockClass.Short && GoodWithin(f, classes, i + 1))
            {
                classes[i] = BlockClass.NearGood;
            }
        }

        // News is often written in short paragraphs, each under the good length: a run of them is running text all the same.
        PromoteNearGoodRuns(f, classes, minRunWeight: 2 * MinGoodRunParagraph);

        // Short blocks: from the nearest judged neighbours.
        var revised = ArrayPool<BlockClass>.Shared.Rent(n);
        try
        {
            classes.CopyTo(revised);
            for (var i = 0; i < n; i++)
            {
                if (classes[i] != BlockClass.Short || verdicts[i] == BlockVerdict.Handled)
                {
                    continue;
                }

                var previous = Neighbour(classes, i, -1, ignoreNearGood: true);
                var next = Neighbour(classes, i, +1, ignoreNearGood: true);
                revised[i] = (previous, next) switch
                {
                    (BlockClass.Good, BlockClass.Good) => BlockClass.Good,
                    (BlockClass.Bad, BlockClass.Bad) => BlockClass.Bad,
                    _ when previous == BlockClass.Bad && Neighbour(classes, i, -1, ignoreNearGood: false) == BlockClass.NearGood => BlockClass.Good,
                    _ when next == BlockClass.Bad && Neighbour(classes, i, +1, ignoreNearGood: false) == BlockClass.NearGood => BlockClass.Good,
                    _ => BlockClass.Bad,
                };
            }

            revised.AsSpan(0, n).CopyTo(classes);
        }
        finally
        {
            ArrayPool<BlockClass>.Shared.Return(revised);
        }

        // Near-good blocks are good unless furniture surrounds them.
        for (var i = 0; i < n; i++)
        {
            if (classes[i] == BlockClass.NearGood)
            {
                var previous = Neighbour(classes, i, -1, ignoreNearGood: true);
                var next = Neighbour(classes, i, +1, ignoreNearGood: true);
                classes[i] = previous == BlockClass.Bad && next == BlockClass.Bad ? BlockClass.Bad : BlockClass.Good;
            }
        }

        // Headings dropped with their neighbours come back when good text follows them closely.
        for (var i = 0; i < n; i++)
        {
            if (f[i].Heading && classes[i] == BlockClass.Bad && initial[i] != BlockClass.Bad && GoodWithin(f, classes, i + 1))
            {
                classes[i] = BlockClass.Good;
            }
        }
    }

    /// <summary>Near-good blocks in a row (short blocks between them allowed) weighing at least <paramref name="minRunWeight"/> together are good.</summary>
    private static void PromoteNearGoodRuns(ReadOnlySpan<BlockFeatures> f, Span<BlockClass> classes, int minRunWeight)
    {
        var n = f.Length;
        var i = 0;
        while (i < n)
        {
            if (classes[i] != BlockClass.NearGood)
            {
                i++;
                continue;
            }

            int end = i, count = 0, weight = 0;
            for (var j = i; j < n && classes[j] is BlockClass.NearGood or BlockClass.Short; j++)
            {
                if (classes[j] == BlockClass.NearGood)
                {
                    count++;
                    weight += f[j].Weight;
                    end = j;
                }
            }

            if (count >= 2 && weight >= minRunWeight)
            {
                for (var j = i; j <= end; j++)
                {
                    if (classes[j] == BlockClass.NearGood)
                    {
                        classes[j] = BlockClass.Good;
                    }
                }
            }

            i = end + 1;
        }
    }

    /// <summary>Whether a good block starts within <see cref="MaxHeadingDistance"/> characters from <paramref name="from"/>.</summary>
    private static bool GoodWithin(ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> classes, int from)
    {
        var distance = 0;
        for (var j = from; j < f.Length && distance <= MaxHeadingDistance; j++)
        {
            if (classes[j] == BlockClass.Good)
            {
                return true;
            }

            distance += f[j].Weight;
        }

        return false;
    }

    /// <summary>The class of the nearest block in <paramref name="direction"/> that is not short (nor near-good when ignored); bad past the edges.</summary>
    private static BlockClass Neighbour(ReadOnlySpan<BlockClass> classes, int i, int direction, bool ignoreNearGood)
    {
        for (var j = i + direction; j >= 0 && j < classes.Length; j += direction)
        {
            var c = classes[j];
            if (c == BlockClass.Short || (ignoreNearGood && c == BlockClass.NearGood))
            {
                continue;
            }

            return c;
        }

        return BlockClass.Bad;
    }

    /// <summary>
    /// The run of blocks in [<paramref name="from"/>, <paramref name="to"/>) with the most good text against furniture (a
    /// maximum-sum segment: good blocks count their length, bad ones the opposite), or (1, 0) when there is no good block.
    /// </summary>
    private static (int Start, int End) MainRun(
        ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> initial, ReadOnlySpan<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, ReadOnlySpan<bool> ruleLines, int from, int to)
    {
        // Teasers with pictures below an article can outweigh a short article; an earlier run of at least half the best
        // one's weight is taken to be the article (or its lead, cut off by a box), so the run reaches back to it.
        var (start, end, score) = BestRun(f, initial, classes, verdicts, ruleLines, from, to);
        while (start > from && start <= end)
        {
            var (earlierStart, _, earlierScore) = BestRun(f, initial, classes, verdicts, ruleLines, from, start);
            if (earlierStart > start - 1 || earlierScore * 2 < score)
            {
                break;
            }

            start = earlierStart;
        }

        // Short blocks that their neighbours made good weigh nothing, so the run stops short of them: they are its edges
        // (a closing one-line paragraph, a headline and byline above it) and join it.
        while (start <= end && start > from && (classes[start - 1] == BlockClass.Good || IsCaption(verdicts, ruleLines, start - 1)))
        {
            start--;
        }

        while (start <= end && end + 1 < to && (classes[end + 1] == BlockClass.Good || IsCaption(verdicts, ruleLines, end + 1)))
        {
            end++;
        }

        return (start, end);
    }

    private static (int Start, int End, long Score) BestRun(
        ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> initial, ReadOnlySpan<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, ReadOnlySpan<bool> ruleLines, int from, int to)
    {
        long best = 0, sum = 0;
        int bestStart = 1, bestEnd = 0, start = from;
        for (var i = from; i < to; i++)
        {
            if (IsCaption(verdicts, ruleLines, i))
            {
                continue;
            }

            // A short block made good by its neighbours adds nothing of its own: lists of teaser headlines between
            // captions must not outweigh an article.
            // A byline or dateline belongs to an article, not to teasers: it counts for the run it heads.
            long weight = f[i].Byline ? MinGoodRunParagraph
                : classes[i] != BlockClass.Good ? -Math.Max(f[i].Weight, MinBadWeight)
                : initial[i] == BlockClass.Short ? 0
                : f[i].Weight;
            if (sum <= 0)
            {
                sum = 0;
                start = i;
            }

            sum += weight;
            if (sum > best)
            {
                best = sum;
                bestStart = start;
                bestEnd = i;
            }
        }

        return (bestStart, bestEnd, best);
    }

    /// <summary>
    /// The first heading inside the main run that opens what follows an article (related and most-read teasers, the author
    /// box; see <see cref="ArticleEndMarkers"/>) with at least <see cref="ArticleEndShare"/> of the run's good text above it,
    /// or -1. The share keeps a "see also" box in the middle of an article from cutting its second half.
    /// </summary>
    private static int ArticleEnd(
        BlockSpans blocks, ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, int start, int end)
    {
        long total = 0;
        for (var i = start; i <= end; i++)
        {
            total += classes[i] == BlockClass.Good && verdicts[i] != BlockVerdict.Handled ? f[i].Weight : 0;
        }

        long above = 0;
        for (var i = start; i <= end + 1 && i < f.Length; i++)
        {
            if (above >= 300 && above >= total * ArticleEndShare && ArticleEndMarkers.Matches(blocks[i]) && !ArticleResumes(f, i + 1))
            {
                return i;
            }

            above += classes[i] == BlockClass.Good && verdicts[i] != BlockVerdict.Handled ? f[i].Weight : 0;
        }

        return -1;
    }

    /// <summary>Whether a long paragraph follows within <see cref="ResumeLookahead"/> blocks from <paramref name="from"/>.</summary>
    private static bool ArticleResumes(ReadOnlySpan<BlockFeatures> f, int from)
    {
        for (var j = from; j < f.Length && j < from + ResumeLookahead; j++)
        {
            if (f[j].Weight >= ResumingParagraph)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first comments heading inside the main run that has most of the run's good text above it, or -1. A comments
    /// link near the top ("12 comments" under the headline) has little text above it and cuts nothing.
    /// </summary>
    private static int CommentStart(
        BlockSpans blocks, ReadOnlySpan<BlockFeatures> f, ReadOnlySpan<BlockClass> classes, ReadOnlySpan<BlockVerdict> verdicts, int start, int end)
    {
        long total = 0;
        for (var i = start; i <= end; i++)
        {
            total += classes[i] == BlockClass.Good ? f[i].Weight : 0;
        }

        long above = 0;
        for (var i = start; i <= end + 1 && i < f.Length; i++)
        {
            if (f[i].Weight <= 60 && above >= 300 && above * 5 >= total)
            {
                if (CommentSectionMarkers.Matches(blocks[i]))
                {
                    return i;
                }

                // No heading, but a reply button: the comments start after the last furniture above the first comment.
                if (CommentSectionMarkers.IsReplyButton(blocks[i]))
                {
                    var first = i - 1;
                    while (first > start && i - first < MaxCommentBlocks && classes[first - 1] != BlockClass.Bad)
                    {
                        first--;
                    }

                    return first > start && classes[first - 1] == BlockClass.Bad ? first : -1;
                }
            }

            above += classes[i] == BlockClass.Good && verdicts[i] != BlockVerdict.Handled ? f[i].Weight : 0;
        }

        return -1;
    }
}
