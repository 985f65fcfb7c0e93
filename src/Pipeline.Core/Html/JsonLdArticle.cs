using System.Text.Json;

namespace Pipeline.Core.Html;

/// <summary>
/// The article fields of a page's JSON-LD (<c>script type="application/ld+json"</c>): headline, dates, authors and publisher
/// of the first object whose <c>@type</c> is an article, else of the first that has them. Malformed JSON is skipped.
/// </summary>
internal sealed class JsonLdArticle
{
    /// <summary>Longest script parsed; longer ones are data dumps, not article metadata.</summary>
    private const int MaxScriptCharacters = 1 << 20;

    /// <summary>Most objects visited per page, which bounds the walk of a hostile or huge graph.</summary>
    private const int MaxObjects = 2000;

    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64,
    };

    /// <summary>The headline.</summary>
    public string? Headline { get; private set; }

    /// <summary>The publication date as written.</summary>
    public string? DatePublished { get; private set; }

    /// <summary>Author names as written.</summary>
    public List<string> Authors { get; } = [];

    /// <summary>The publisher's name.</summary>
    public string? Publisher { get; private set; }

    /// <summary>Reads the article fields of the given scripts' JSON.</summary>
    public static JsonLdArticle Read(IEnumerable<string> scripts)
    {
        var result = new JsonLdArticle();
        JsonElement? article = null;
        JsonElement? other = null;
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                if (script.Length > MaxScriptCharacters)
                {
                    continue;
                }

                JsonDocument document;
                try
                {
                    // Some CMSs leave CDATA markers or an HTML comment around the JSON.
                    document = JsonDocument.Parse(script.Trim().Trim('<', '!', '-', '>').Replace("//<![CDATA[", "", StringComparison.Ordinal).Replace("//]]>", "", StringComparison.Ordinal), Lenient);
                }
                catch (JsonException)
                {
                    continue;
                }

                documents.Add(document);
                var visited = 0;
                foreach (var candidate in Objects(document.RootElement))
                {
                    if (++visited > MaxObjects)
                    {
                        break;
                    }

                    if (article is null && IsArticle(candidate))
                    {
                        article = candidate;
                    }
                    else if (other is null && (candidate.TryGetProperty("datePublished", out _) || candidate.TryGetProperty("headline", out _)))
                    {
                        other = candidate;
                    }
                }
            }

            if ((article ?? other) is { } chosen)
            {
                result.Headline = StringOf(chosen, "headline") ?? (article is not null ? StringOf(chosen, "name") : null);
                result.DatePublished = StringOf(chosen, "datePublished") ?? StringOf(chosen, "dateCreated");
                if (chosen.TryGetProperty("author", out var author))
                {
                    AddNames(author, result.Authors);
                }

                if (chosen.TryGetProperty("publisher", out var publisher))
                {
                    result.Publisher = publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : NameOf(FirstOf(publisher));
                }
            }

            return result;
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        foreach (var name in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : Enumerable.Repeat(type, 1))
        {
            if (name.ValueKind == JsonValueKind.String && name.GetString() is { } value
                && (value.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || value is "BlogPosting" or "LiveBlogPosting" or "Report" or "NewsArticle" or "Blog"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every object in the JSON, breadth first (an array at the top, an <c>@graph</c>, nested <c>mainEntity</c>).</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var element = queue.Dequeue();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    queue.Enqueue(item);
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            yield return element;
            foreach (var key in (ReadOnlySpan<string>)["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"])
            {
                if (element.TryGetProperty(key, out var nested) && nested.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    queue.Enqueue(nested);
                }
            }
        }
    }

    private static void AddNames(JsonElement author, List<string> names)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                names.Add(author.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in author.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.String or JsonValueKind.Object)
                    {
                        AddNames(item, names);
                    }
                }

                break;
            case JsonValueKind.Object:
                // An organisation credited as author is not a person.
                if (StringOf(author, "@type") is not "Organization" and not "NewsMediaOrganization" && NameOf(author) is { } name)
                {
                    names.Add(name);
                }

                break;
        }
    }

    private static JsonElement FirstOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0 ? element[0] : element;

    private static string? NameOf(JsonElement element) => element.ValueKind == JsonValueKind.Object ? StringOf(element, "name") : null;

    private static string? StringOf(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
        {
            return null;
        }

        value = FirstOf(value);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
