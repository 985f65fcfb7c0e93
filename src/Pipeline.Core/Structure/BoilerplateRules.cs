using Pipeline.Core.Structure.Boilerplate;

namespace Pipeline.Core.Structure;

/// <summary>The built-in boilerplate rules. Extend with <see cref="StructureOptions.AdditionalBoilerplateRules"/>.</summary>
public static class BoilerplateRules
{
    private static readonly HashSet<string> SocialWords = new(StringComparer.Ordinal)
    {
        "share", "tweet", "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "e", "mail", "print",
        "pinterest", "reddit", "telegram", "messenger", "copy", "link", "flipboard", "tumblr", "on", "this", "via",
        "sharing", "options", "close", "extra", "more", "icon", "google", "plus",

        // The same buttons in the other languages of the pages we see ("Compartir en Facebook", "Auf Twitter teilen").
        "compartir", "en", "imprimir", "guardar", "cerrar", "teilen", "auf", "per", "drucken", "merken", "partager", "sur",
        "imprimer", "enregistrer", "condividi", "su", "stampa", "compartilhar", "no", "imprima",
    };

    // Words that join button names ("Share on Facebook", "Compartir en Twitter") but are no button alone: a line of
    // only these ("No.", "More", "This") is an answer or a heading, not a share row.
    private static readonly HashSet<string> JoiningWords = new(StringComparer.Ordinal)
    {
        "on", "this", "via", "e", "x", "options", "close", "extra", "more", "plus", "en", "auf", "per", "sur", "su", "no", "copy", "link",
    };

    private static readonly string[] SocialNetworks = ["facebook", "twitter", "instagram", "linkedin", "youtube", "tiktok", "x"];

    private static readonly string[] ReadMorePhrases = ["read more", "continue reading", "see more", "also read", "read also", "recommended reading"];

    /// <summary>
    /// A lead phrase such as "Read more" alone (up to three words), or followed by a link separator
    /// ("Read more: ...", "Read more » ..."), but not as the start of a sentence.
    /// </summary>
    private static bool LeadPhrase(BoilerplateLine line, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (!BoilerplateRule.StartsWithWords(line.Key, phrase))
            {
                continue;
            }

            if (line.WordCount <= 3)
            {
                return true;
            }

            // The separator sits right after the phrase's words in the original text.
            var words = phrase.AsSpan().Count(' ') + 1;
            var text = line.Text;
            for (var w = 0; w < words && text.Length > 0; w++)
            {
                text = text.TrimStart();
                var end = text.IndexOfAny(' ', ':', '»');
                text = end < 0 ? default : text[end..];
            }

            text = text.TrimStart();
            if (text.Length > 0 && text[0] is ':' or '»' or '>' or '|' or '-' or '–' or '—' or '→' or '.')
            {
                return true;
            }
        }

        return false;
    }

    // Span words and an alternate lookup: this rule sees every short line, so it must not allocate per word.
    private static bool AllSocialWords(ReadOnlySpan<char> key)
    {
        var lookup = SocialWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var joining = JoiningWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var buttons = 0;
        foreach (var range in key.Split(' '))
        {
            if (!lookup.Contains(key[range]))
            {
                return false;
            }

            buttons += joining.Contains(key[range]) ? 0 : 1;
        }

        return buttons > 0;
    }

    /// <summary>True when <paramref name="key"/> ends with " on " and a social network's name.</summary>
    private static bool EndsWithOnNetwork(ReadOnlySpan<char> key)
    {
        foreach (var network in SocialNetworks)
        {
            if (key.EndsWith(network, StringComparison.Ordinal) && key[..^network.Length].EndsWith(" on ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "12 comments", "5 Kommentare", "1 interakcji dołącz do dyskusji": a count, then what it counts.
    private static readonly string[] CommentCountEndings =
    [
        " comments", " comment", " kommentare", " kommentar", " commentaires", " commentaire", " comentarios", " comentario",
        " commenti", " comentários", " komentarzy", " komentarze", " interakcji", " dołącz do dyskusji", " комментариев",
        " комментария", " комментарий",
    ];

    private static bool EndsWithAny(ReadOnlySpan<char> key, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (key.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    /// <summary>An image's file name that a dumper left in place of the picture ("google.JPG").</summary>
    private static bool IsImageFileName(ReadOnlySpan<char> text)
    {
        foreach (var extension in ImageExtensions)
        {
            if (text.Length > extension.Length && text.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && !text.Contains(' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The default rules, in the order they are tried.</summary>
    public static IReadOnlyList<BoilerplateRule> Default { get; } =
    [
        BoilerplateRule.StartsWith(
            "share", 8, "share this", "share on", "share via", "share article", "share story", "share the story",
            "share the article", "share to", "share with your friends"),
        BoilerplateRule.Phrases("shareButton", "share", "shares", "share it", "share now"),
        new("socialButtons", 16, line => AllSocialWords(line.Key)),
        BoilerplateRule.StartsWith("tweet", 5, "tweet", "click to tweet"),
        BoilerplateRule.StartsWith("subscribe", 15, "subscribe", "get our newsletter", "join our newsletter", "newsletter"),
        new("newsletter", 25, line =>
            line.Key.Contains("newsletter", StringComparison.Ordinal) &&
            (line.Key.Contains("sign up", StringComparison.Ordinal) || line.Key.Contains("subscribe", StringComparison.Ordinal))),
        BoilerplateRule.StartsWith(
            "followUs", 12, "follow us", "nos siga", "siga nos", "síguenos", "siguenos", "folgen sie uns", "folge uns", "suivez nous",
            "seguici", "obserwuj nas"),
        new("followOn", 10, line =>
            BoilerplateRule.StartsWithWords(line.Key, "follow") &&
            EndsWithOnNetwork(line.Key)),
        BoilerplateRule.Phrases(
            "advertisement", "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
            "paid content", "promoted content", "story continues below", "story continues below advertisement",
            "article continues below", "article continues below advertisement", "continue reading below",
            "scroll to continue with content", "advertise with us"),
        new("readMore", 15, line => LeadPhrase(line, ReadMorePhrases)),
        BoilerplateRule.StartsWith("readFull", 8, "read the full story", "read the full article", "read full article", "read full story"),
        new("cookies", 40, line =>
            line.Key.Contains("cookie", StringComparison.Ordinal) &&
            (line.Key.Contains("use", StringComparison.Ordinal) || line.Key.Contains("accept", StringComparison.Ordinal) ||
             line.Key.Contains("policy", StringComparison.Ordinal) || line.Key.Contains("consent", StringComparison.Ordinal))),
        BoilerplateRule.StartsWith("clickHere", 20, "click here"),
        new("rightsReserved", 25, line => line.Key.Contains("all rights reserved", StringComparison.Ordinal)),
        new("copyright", 15, line =>
            BoilerplateRule.StartsWithWords(line.Key, "copyright") || line.Text.StartsWith('©')),
        BoilerplateRule.StartsWith("related", 4, "related"),
        BoilerplateRule.Phrases(
            "print", "print", "print this", "print this article", "print this page", "print article", "print friendly",
            "printer friendly", "printer friendly version", "email this", "email this article", "email this story"),
        BoilerplateRule.Phrases(
            "comments", "comments", "comment", "leave a comment", "leave a reply", "add a comment", "post a comment",
            "view comments", "show comments", "comments are closed", "no comments", "join the discussion",
            "join the conversation", "dołącz do dyskusji", "skomentuj", "ver comentarios", "mostrar comentarios", "voir les commentaires", "kommentare anzeigen"),
        new("commentCount", 6, line => char.IsAsciiDigit(line.Key[0]) && EndsWithAny(line.Key, CommentCountEndings)),
        BoilerplateRule.Phrases(
            "navigation", "skip to content", "skip to main content", "back to top", "menu", "log in", "sign in", "login", "ingresar",
            "iniciar sesión", "se connecter", "connexion", "zaloguj się", "纠错"),
        new("tags", 25, line => line.Text.StartsWith("Tags:", StringComparison.OrdinalIgnoreCase)),
        new("imageFile", 4, line => IsImageFileName(line.Text.Trim())),

        // A form's button as lynx prints it: "(BUTTON) INGRESAR", "(BUTTON) Search".
        new("formButton", 5, line => line.Text.Contains("(BUTTON)", StringComparison.Ordinal)),
        BoilerplateRule.StartsWith("filedUnder", 12, "filed under"),
        // Addressed to the reader ("you are using", "your browser"): a news sentence about browsers is kept.
        new("browserWarning", 60, line =>
            line.Key.Contains("you are using a browser", StringComparison.Ordinal) ||
            (line.Key.Contains("your browser", StringComparison.Ordinal) &&
             (line.Key.Contains("outdated", StringComparison.Ordinal) || line.Key.Contains("update your", StringComparison.Ordinal) ||
              line.Key.Contains("upgrade", StringComparison.Ordinal) || line.Key.Contains("not supported", StringComparison.Ordinal)))),
        BoilerplateRule.StartsWith(
            "dontMiss", 15, "verpasse keine", "verpassen sie keine", "get breaking", "ne manquez", "no te pierdas"),
        new("pushPrompt", 40, line =>
            (line.Key.Contains("benachrichtigung", StringComparison.Ordinal) && line.Key.Contains("aktivieren", StringComparison.Ordinal)) ||
            (line.Key.Contains("push notifications", StringComparison.Ordinal) &&
             (line.Key.Contains("enable", StringComparison.Ordinal) || line.Key.Contains("allow", StringComparison.Ordinal)))),

        // Headings of related and most-read teasers, in every language: one list, shared with the classifier that cuts
        // what follows them at an article's end.
        new("relatedLinks", 8, line => ArticleEndMarkers.Matches(line.Text)),

        // The same furniture in the other languages of the pages we see, and a few more English forms.
        BoilerplateRule.StartsWith(
            "moreFrom", 6, "mehr aus", "mehr von", "mehr zu", "more from", "plus de", "más de", "more on", "more articles from",
            "more articles by", "more stories from", "more stories by"),
        new("newsletterShort", 8, line => line.Key.Contains("newsletter", StringComparison.Ordinal)),
        new("inbox", 25, line =>
            line.Key.Contains("inbox", StringComparison.Ordinal) ||
            (line.Key.Contains("sign up", StringComparison.Ordinal) && (line.Key.Contains("email", StringComparison.Ordinal) ||
                line.Key.Contains("free", StringComparison.Ordinal) || line.Key.Contains("sign me up", StringComparison.Ordinal)))),
        BoilerplateRule.StartsWith(
            "subscribeOther", 8, "abonnieren", "jetzt abonnieren", "abonnez vous", "suscríbete", "suscribete", "assine", "abbonati",
            "jetzt anmelden", "anmelden", "registrieren", "inscrivez vous", "iscriviti"),
        BoilerplateRule.Phrases(
            "legal", "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "mentions légales", "aviso legal",
            "política de privacidad", "privacy policy", "terms of use", "terms of service", "terms and conditions", "do not sell my data",
            "do not sell my personal information", "cookie settings", "cookie einstellungen", "agb", "nutzungsbedingungen"),
        BoilerplateRule.Phrases(
            "shareOther", "teilen", "inhalt teilen", "artikel teilen", "drucken", "partager", "compartir", "condividi", "compartilhar",
            "udostępnij", "поделиться", "url zum kopieren", "link kopieren", "copy link", "e mail", "per e mail"),
    ];
}
