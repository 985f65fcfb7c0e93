using Pipeline.Core.Html;

namespace Pipeline.Core.Tests.Html;

/// <summary>How <see cref="NestingLimiter"/> bounds nesting before parsing, so that parse time stays linear.</summary>
public sealed class NestingLimiterTests
{
    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Markup_within_the_limit_is_returned_as_it_is()
    {
        var markup = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><img src=x><br></div></body></html>";

        Assert.Same(markup, NestingLimiter.Limit(markup, 4));
    }

    [Fact]
    public void Unclosed_elements_past_the_limit_lose_their_tags_but_keep_their_text()
    {
        var markup = "<body>" + string.Concat(Enumerable.Repeat("<p>Ferry news.<div><span>", 1000));

        var limited = NestingLimiter.Limit(markup, 64);

        Assert.Equal(64, Count(limited, "<div>") + Count(limited, "<span>"));
        Assert.Equal(1000, Count(limited, "Ferry news."));
    }

    [Fact]
    public void The_end_tags_of_dropped_elements_are_dropped_with_them()
    {
        var markup = string.Concat(Enumerable.Repeat("<table><tr><td><div>", 100)) + "Deep" + string.Concat(Enumerable.Repeat("</div></td></tr></table>", 100)) + "<div>After</div>";

        var limited = NestingLimiter.Limit(markup, 20);

        Assert.Equal(Count(limited, "<div>"), Count(limited, "</div>"));
        Assert.Equal(Count(limited, "<table>"), Count(limited, "</table>"));
        Assert.EndsWith("<div>After</div>", limited, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_inside_scripts_and_comments_are_not_counted()
    {
        var markup = "<div><script>var s = '<div><div><div>';</script><!-- <div><div> --><span>Text</span></div>";

        Assert.Same(markup, NestingLimiter.Limit(markup, 2));
    }
}
