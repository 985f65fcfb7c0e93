using System.Buffers;
using System.Collections.Frozen;
using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// The headings that open what a page puts after its article: related and most-read teasers ("Related stories", "Lesen
/// Sie auch", "À lire aussi", "Lo más leído"), the author box ("About the author") and the next-article links, in the
/// languages of the pages we see. Teasers come with a line of prose each, so the text classifier alone keeps them; the
/// heading above them is what tells them apart (trafilatura drops the same sections by their class names in the DOM).
/// </summary>
internal static class ArticleEndMarkers
{
    /// <summary>Longest marker line, in characters.</summary>
    private const int MaxLength = 60;

    /// <summary>Most words a marker line has.</summary>
    private const int MaxWords = 7;

    /// <summary>Whole-line headings, matched on their canonical form.</summary>
    private static readonly string[] Headings =
    [
        // en
        "related", "related articles", "related stories", "related content", "related news", "related posts", "related coverage",
        "related topics", "related links", "read next", "read also", "also read", "more stories", "more news", "more on this story",
        "more on this topic", "you may also like", "you might also like", "you may be interested in", "recommended",
        "recommended for you", "recommended stories", "we recommend", "most read", "most popular", "most viewed", "most shared",
        "trending", "trending now", "trending stories", "top stories", "latest news", "latest stories", "see also", "dont miss",
        "previous article", "next article", "previous story", "next story", "about the author", "about the authors",
        "like this article", "editors picks", "what to read next", "more to explore", "popular stories", "more like this",
        "most popular this week", "latest on", "what s trending", "whats trending", "popular now", "more from this author",
        "further reading", "previous post", "next post", "about this author",
        // de
        "mehr zum thema", "das könnte sie auch interessieren", "das könnte dich auch interessieren", "lesen sie auch",
        "lesen sie mehr", "auch interessant", "weitere artikel", "ähnliche artikel", "verwandte artikel", "die meistgelesenen artikel",
        "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "meist gelesen", "top artikel", "empfehlungen",
        "unsere empfehlungen", "weitere nachrichten", "mehr artikel", "mehr nachrichten", "neueste artikel", "über den autor",
        "über die autorin", "über die autoren", "zum autor", "zur autorin", "weitere themen", "themen des tages", "autoreninfo",
        "könnte sie auch interessieren", "das könnte sie interessieren", "weiterführende links", "top themen", "zur artikelübersicht",
        "vorheriger beitrag", "nächster beitrag", "vorheriger artikel", "nächster artikel",
        // fr
        "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet", "les plus lus", "articles les plus lus",
        "les plus populaires", "à découvrir", "a découvrir", "vous aimerez aussi", "vous aimerez aussi aimer", "nos lecteurs ont aimé",
        "dans la même rubrique", "articles similaires", "articles liés", "à voir aussi", "à propos de lauteur", "plus darticles",
        "derniers articles", "les dernières actualités", "voir aussi", "articles correspondants", "article précédent",
        "article suivant",
        // es
        "te puede interesar", "también te puede interesar", "te recomendamos", "lo más leído", "lo más visto", "más leídas",
        "más leídos", "mirá también", "ver también", "noticias relacionadas", "artículos relacionados", "relacionados", "más noticias", "lee también",
        "lea también", "te puede gustar", "últimas noticias", "sobre el autor", "recomendados", "más información",
        // it
        "leggi anche", "i più letti", "più letti", "articoli correlati", "potrebbe interessarti", "ti potrebbe interessare",
        "ultime notizie", "correlati", "potrebbe interessarti anche",
        // pt
        "leia também", "veja também", "mais lidas", "mais lidos", "notícias relacionadas", "relacionadas", "você pode gostar",
        "mais notícias", "leia mais", "veja mais",
        // pl
        "czytaj także", "czytaj też", "zobacz także", "zobacz też", "najczęściej czytane", "polecamy", "podobne artykuły",
        "przeczytaj też", "przeczytaj także", "najnowsze",
        // ru
        "читайте также", "смотрите также", "похожие новости", "похожие статьи", "популярное", "самое читаемое", "другие новости",
        "новости по теме", "по теме", "рекомендуем", "читайте еще",
        // nl, sv
        "lees ook", "meest gelezen", "gerelateerde artikelen", "läs också", "mest läst",
        // ko, ja, zh
        "관련기사", "관련 기사", "많이 본 뉴스", "인기 기사", "추천 기사", "많이 본 기사", "관련뉴스", "많이 본 칼럼",
        "関連記事", "関連ニュース", "人気記事", "おすすめ記事",
        "相关新闻", "相关阅读", "推荐阅读", "热门新闻", "相关文章", "延伸阅读", "相關新聞",
    ];

    /// <summary>Headings that go on with a name ("More from WIRED", "Die meistgelesenen Artikel bei SWR.de").</summary>
    private static readonly string[] Openings =
    [
        "more from ", "more great ", "more stories from ", "more in ", "most read on ", "most read in ", "more about ",
        "the latest from ", "about the author ", "previous post ", "next post ", "previous article ", "next article ",
        "die meistgelesenen artikel ", "über den autor ", "über die autorin ", "vorheriger beitrag ", "nächster beitrag ", "mehr aus ", "mehr von ", "mehr zum thema ", "weitere artikel ",
        "mehr artikel ", "neueste artikel ", "les plus lus ", "lo más leído ", "lo último de ",
        "altre notizie ", "więcej z ", "ещё по теме ", "еще по теме ",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Headings.Select(CanonicalForm.Create).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] CanonicalOpenings = [.. Openings.Select(o => CanonicalForm.Create(o) + " ")];

    /// <summary>True when <paramref name="line"/> is a heading that opens what follows an article.</summary>
    public static bool Matches(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxLength)
        {
            return false;
        }

        var canonical = CanonicalForm.CreateRented(line, out var rented);
        try
        {
            if (canonical.IsEmpty || canonical.Count(' ') >= MaxWords)
            {
                return false;
            }

            if (Lookup.Contains(canonical))
            {
                return true;
            }

            foreach (var opening in CanonicalOpenings)
            {
                if (canonical.StartsWith(opening, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
