using System.Text;
using AngleSharp.Dom;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Html;

/// <summary>
/// Finds a page's main content in its DOM and reads it as blocks, in the manner of Readability: furniture removed by tag,
/// role, visibility and class names; paragraphs scored (length, commas) and their scores given to their ancestors; the
/// best container, less its link density, taken with the siblings that score near it. Every walk is iterative and stops
/// at <see cref="HtmlOptions.MaxDepth"/>, so no page can overflow the stack, and each is linear in the page's size.
/// </summary>
internal sealed class MainContentExtractor
{
    /// <summary>Less main text than this, in characters, and the page is read again without removing elements by class names.</summary>
    private const int RetryBelowCharacters = 250;

    private readonly HtmlOptions _options;

    public MainContentExtractor(HtmlOptions options) => _options = options;

    /// <summary>The main content's blocks (headings, paragraphs, list items) in reading order.</summary>
    public List<InputBlock> Extract(IDocument document)
    {
        var root = (IElement?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return [];
        }

        var blocks = Extract(root, stripUnlikely: true);
        if (blocks.Sum(b => b.Text.Length) < RetryBelowCharacters)
        {
            var again = Extract(root, stripUnlikely: false);
            if (again.Sum(b => b.Text.Length) > blocks.Sum(b => b.Text.Length))
            {
                blocks = again;
            }
        }

        return blocks;
    }

    private List<InputBlock> Extract(IElement root, bool stripUnlikely)
    {
        var tree = Index(root, stripUnlikely);
        if (tree.Count == 0)
        {
            return [];
        }

        Score(tree);
        var top = 0;
        var best = double.MinValue;
        for (var i = 0; i < tree.Count; i++)
        {
            var stats = tree.Stats[i];
            if (stats.IsCandidate)
            {
                var score = stats.Score * (1 - stats.LinkDensity);
                stats.Score = score;
                if (score > best)
                {
                    best = score;
                    top = i;
                }
            }
        }

        top = ClimbToContainer(tree, top);
        var roots = WithSiblings(tree, OutermostWrapper(tree, top));
        roots.InsertRange(0, Leads(tree, roots[0]));
        var blocks = new List<InputBlock>();
        var writer = new BlockWriter(blocks);
        foreach (var index in roots)
        {
            Emit(tree, index, writer);
        }

        writer.Flush();
        return blocks;
    }

    /// <summary>The kept elements in document order, with parents, depths and text measures.</summary>
    private DomIndex Index(IElement root, bool stripUnlikely)
    {
        var tree = new DomIndex();
        var stack = new Stack<(IElement Element, int Parent, int Depth)>();
        stack.Push((root, -1, 0));
        while (stack.Count > 0)
        {
            var (element, parent, depth) = stack.Pop();
            if (depth > _options.MaxDepth || IsFurniture(element, stripUnlikely))
            {
                continue;
            }

            var index = tree.Add(element, parent, depth);
            var stats = tree.Stats[index];
            // Children gathered by enumeration: AngleSharp's Children collection walks from the start on every index, which
            // made a body of many thousand elements quadratic.
            var children = new List<IElement>();
            foreach (var child in element.ChildNodes)
            {
                if (child is IElement e)
                {
                    children.Add(e);
                }

                if (child is IText text)
                {
                    var (length, commas) = Measure(text.Data);
                    stats.OwnText += length;
                    stats.Commas += commas;
                }
                else if (child is IElement childElement && HtmlTags.Blocks.Contains(childElement.LocalName))
                {
                    stats.HasBlockChild = true;
                }
            }

            // Children pushed in reverse, so that they are indexed in document order.
            for (var c = children.Count - 1; c >= 0; c--)
            {
                stack.Push((children[c], index, depth + 1));
            }
        }

        // Bottom-up: every element after its parent in document order, so a reverse pass sums subtrees.
        for (var i = tree.Count - 1; i >= 0; i--)
        {
            var stats = tree.Stats[i];
            stats.Text += stats.OwnText;
            if (tree.Elements[i].LocalName == "a")
            {
                stats.LinkText = stats.Text;
            }

            if (tree.Parents[i] is var p and >= 0)
            {
                tree.Stats[p].Text += stats.Text;
                tree.Stats[p].LinkText += stats.LinkText;
                tree.Stats[p].Commas += stats.Commas;
            }
        }

        return tree;
    }

    private void Score(DomIndex tree)
    {
        for (var i = 0; i < tree.Count; i++)
        {
            var element = tree.Elements[i];
            var stats = tree.Stats[i];
            var name = element.LocalName;
            var isParagraph = HtmlTags.Paragraphs.Contains(name) || name is "div" or "section" or "span" or "font" && !stats.HasBlockChild && stats.OwnText > 0;
            if (!isParagraph || stats.Text < _options.MinParagraphCharacters || stats.LinkDensity > 0.5)
            {
                continue;
            }

            var score = 1.0 + Math.Min(stats.Commas, 20) + Math.Min(stats.Text / 100, 3);
            var ancestor = tree.Parents[i];
            for (var level = 0; ancestor >= 0 && level < 5; level++, ancestor = tree.Parents[ancestor])
            {
                var candidate = tree.Stats[ancestor];
                if (!candidate.IsCandidate)
                {
                    candidate.IsCandidate = true;
                    candidate.Score = InitialScore(tree.Elements[ancestor]);
                }

                candidate.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
            }
        }
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (element.LocalName == "article" || element.GetAttribute("itemprop") is "articleBody" or "text")
        {
            score += 10;
        }

        // An inline element is a paragraph's piece, never the article's container, whatever its class says ("avLinkBody").
        return HtmlTags.Blocks.Contains(element.LocalName) ? score + ClassNames.Weight(ClassNames.Of(element)) : score;
    }

    /// <summary>
    /// Readability's step up from the top candidate: an article split into several boxes scores in each, and their common
    /// container is the content when its score stays near the best one's.
    /// </summary>
    private static int ClimbToContainer(DomIndex tree, int top)
    {
        if (!tree.Stats[top].IsCandidate)
        {
            return top;
        }

        // Three or more other strong candidates inside one ancestor of the top: that ancestor holds the article.
        var strong = new List<int>();
        for (var i = 0; i < tree.Count; i++)
        {
            if (i != top && tree.Stats[i].IsCandidate && tree.Stats[i].Score >= 0.75 * tree.Stats[top].Score)
            {
                strong.Add(i);
            }
        }

        if (strong.Count >= 3)
        {
            for (var ancestor = tree.Parents[top]; ancestor >= 0 && tree.Elements[ancestor].LocalName != "body"; ancestor = tree.Parents[ancestor])
            {
                if (strong.Count(s => tree.IsInside(s, ancestor)) >= 3)
                {
                    return ancestor;
                }
            }
        }

        var lastScore = tree.Stats[top].Score;
        var threshold = lastScore / 3;
        for (var parent = tree.Parents[top]; parent >= 0 && tree.Elements[parent].LocalName != "body"; parent = tree.Parents[parent])
        {
            var stats = tree.Stats[parent];
            if (!stats.IsCandidate)
            {
                continue;
            }

            if (stats.Score < threshold)
            {
                break;
            }

            if (stats.Score > lastScore)
            {
                return parent;
            }

            lastScore = stats.Score;
        }

        return top;
    }

    /// <summary>
    /// The article's lead (standfirst, intro, excerpt) when it stands before the content, outside it, in the same article:
    /// the nearest elements named so by their class, at most two, that share an ancestor with the content a few levels up.
    /// </summary>
    private static List<int> Leads(DomIndex tree, int content)
    {
        const int MaxLevelsUp = 5;
        var leads = new List<int>();
        for (var i = content - 1; i >= 0 && leads.Count < 2 && content - i < 2000; i--)
        {
            var stats = tree.Stats[i];
            if (stats.Text < 40 || stats.LinkDensity > 0.3 || tree.IsInside(content, i) || !ClassNames.IsLead(ClassNames.Of(tree.Elements[i])))
            {
                continue;
            }

            if (leads.Any(l => tree.IsInside(l, i)))
            {
                leads.RemoveAll(l => tree.IsInside(l, i));
            }
            else if (leads.Any(l => tree.IsInside(i, l)))
            {
                continue;
            }

            var common = tree.Parents[content];
            for (var up = 0; common >= 0 && up < MaxLevelsUp && !tree.IsInside(i, common); up++)
            {
                common = tree.Parents[common];
            }

            if (common >= 0 && tree.IsInside(i, common) && tree.Elements[common].LocalName != "body")
            {
                leads.Insert(0, i);
            }
        }

        return leads;
    }

    /// <summary>
    /// The outermost ancestor of <paramref name="top"/> that holds no other text: grid frameworks wrap each part of an
    /// article in a row and a column, so the parts are siblings only at the rows' level.
    /// </summary>
    private static int OutermostWrapper(DomIndex tree, int top)
    {
        var wrapper = top;
        for (var parent = tree.Parents[top]; parent >= 0 && tree.Stats[parent].IsCandidate && tree.Stats[parent].Text == tree.Stats[top].Text
            && tree.Elements[parent].LocalName is not ("body" or "html"); parent = tree.Parents[parent])
        {
            wrapper = parent;
        }

        return wrapper;
    }

    /// <summary>The top candidate and the siblings that belong with it (Readability's rule), in document order.</summary>
    private static List<int> WithSiblings(DomIndex tree, int top)
    {
        var parent = tree.Parents[top];
        if (parent < 0 || !tree.Stats[top].IsCandidate)
        {
            return [top];
        }

        var topStats = tree.Stats[top];
        var threshold = Math.Max(10, topStats.Score * 0.2);
        var topClass = tree.Elements[top].GetAttribute("class");
        var result = new List<int>();
        for (var i = parent + 1; i < tree.Count; i++)
        {
            if (tree.Parents[i] != parent)
            {
                continue;
            }

            var stats = tree.Stats[i];
            var bonus = topClass is { Length: > 0 } && tree.Elements[i].GetAttribute("class") == topClass ? topStats.Score * 0.2 : 0;
            var append = i == top
                || stats.IsCandidate && stats.Score + bonus >= threshold
                || tree.Elements[i].LocalName == "p" && (stats.Text > 80 && stats.LinkDensity < 0.25 || stats.Text is > 0 and <= 80 && stats.LinkDensity == 0 && EndsSentence(tree.Elements[i]));
            if (append)
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static bool EndsSentence(IElement element)
    {
        var text = element.TextContent.TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '。' or '」';
    }

    /// <summary>Writes the text under <paramref name="start"/> as blocks, skipping furniture and link lists.</summary>
    private void Emit(DomIndex tree, int start, BlockWriter writer)
    {
        // The indexed subtree of start is the contiguous run of indices after it that are deeper than it.
        var stack = new Stack<(INode Node, bool Leaving, InputBlockRole Role)>();
        stack.Push((tree.Elements[start], false, InputBlockRole.Paragraph));
        while (stack.Count > 0)
        {
            var (node, leaving, role) = stack.Pop();
            if (leaving)
            {
                writer.Flush();
                continue;
            }

            if (node is IText text)
            {
                writer.Append(text.Data, role);
                continue;
            }

            if (node is not IElement element || !tree.TryGet(element, out var index))
            {
                continue;
            }

            var name = element.LocalName;
            if (name == "br")
            {
                writer.Break();
                continue;
            }

            var stats = tree.Stats[index];
            if (index != start && (IsLinkList(name, stats) || stats.Text < 200 && ClassNames.IsByline(ClassNames.Of(element))))
            {
                continue;
            }

            var isBlock = HtmlTags.Blocks.Contains(name);
            var childRole = HtmlTags.Headings.Contains(name) ? InputBlockRole.Heading : name == "li" ? InputBlockRole.ListItem : role;
            if (isBlock)
            {
                writer.Flush();
                stack.Push((element, true, childRole));
            }

            var children = element.ChildNodes.ToArray();
            for (var c = children.Length - 1; c >= 0; c--)
            {
                stack.Push((children[c], false, childRole));
            }
        }
    }

    /// <summary>A list or box that is mostly links: a menu, tag list or "read more" box inside the article.</summary>
    private static bool IsLinkList(string name, ElementStats stats) =>
        name is "ul" or "ol" or "div" or "section" or "table" or "p" or "dl" && stats.Text > 0
        && (stats.LinkDensity > 0.5 && stats.Text < 2000 || name == "p" && stats.LinkDensity > 0.9);

    private bool IsFurniture(IElement element, bool stripUnlikely)
    {
        var name = element.LocalName;
        if (HtmlTags.Removed.Contains(name) || element.HasAttribute("hidden"))
        {
            return true;
        }

        if (element.GetAttribute("aria-hidden") == "true" || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog" or "alert" or "menu" or "menubar")
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return stripUnlikely && name is not ("body" or "html" or "a" or "article" or "main" or "p" or "td" or "tr" or "table" or "tbody")
            && ClassNames.IsUnlikely(ClassNames.Of(element));
    }

    /// <summary>Characters with whitespace runs counted once, and commas.</summary>
    private static (int Length, int Commas) Measure(string text)
    {
        var length = 0;
        var commas = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    length++;
                    space = true;
                }

                continue;
            }

            space = false;
            length++;
            if (c is ',' or '，' or '、' or '،')
            {
                commas++;
            }
        }

        return (length, commas);
    }

    /// <summary>The kept elements of a page, in document order.</summary>
    private sealed class DomIndex
    {
        private readonly Dictionary<IElement, int> _indices = new(ReferenceEqualityComparer.Instance);

        public List<IElement> Elements { get; } = [];

        public List<int> Parents { get; } = [];

        public List<ElementStats> Stats { get; } = [];

        public int Count => Elements.Count;

        public int Add(IElement element, int parent, int depth)
        {
            var index = Elements.Count;
            Elements.Add(element);
            Parents.Add(parent);
            Stats.Add(new ElementStats());
            _indices[element] = index;
            return index;
        }

        public bool TryGet(IElement element, out int index) => _indices.TryGetValue(element, out index);

        /// <summary>Whether element <paramref name="inner"/> is <paramref name="outer"/> or inside it (walks up, bounded by the depth limit).</summary>
        public bool IsInside(int inner, int outer)
        {
            for (var i = inner; i >= outer; i = Parents[i])
            {
                if (i == outer)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Gathers inline text into blocks: whitespace folded, a block ended by block elements and double line breaks.</summary>
    private sealed class BlockWriter(List<InputBlock> blocks)
    {
        private readonly StringBuilder _text = new();
        private InputBlockRole _role = InputBlockRole.Paragraph;
        private int _breaks;

        public void Append(string data, InputBlockRole role)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (_text.Length > 0 && _text[^1] != ' ')
                    {
                        _text.Append(' ');
                    }

                    continue;
                }

                if (_text.Length == 0)
                {
                    _role = role;
                }

                _breaks = 0;
                _text.Append(c);
            }
        }

        /// <summary>A <c>br</c>: two in a row end the block (pages that make paragraphs with line breaks).</summary>
        public void Break()
        {
            if (++_breaks >= 2)
            {
                Flush();
            }
            else if (_text.Length > 0 && _text[^1] != ' ')
            {
                _text.Append(' ');
            }
        }

        public void Flush()
        {
            _breaks = 0;
            var text = _text.ToString().Trim();
            _text.Clear();
            if (text.Length > 0)
            {
                blocks.Add(new InputBlock(text, _role));
            }

            _role = InputBlockRole.Paragraph;
        }
    }
}
