using System.Buffers;
using System.Collections.Frozen;
using Pipeline.Core.Deduplication;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// The headings that open a page's reader comments ("5 Comments", "Kommentare (12)", "Vos réactions", "Deja tu comentario"),
/// in the languages of the pages we see. Reader comments read like prose, so the text classifier alone keeps them; the
/// heading above them is what tells them apart.
/// </summary>
internal static class CommentSectionMarkers
{
    /// <summary>Whole-line headings, matched on their canonical form with any count taken out.</summary>
    private static readonly string[] Headings =
    [
        // en
        "comments", "comment", "reader comments", "readers comments", "leave a comment", "leave a reply", "post a comment",
        "add a comment", "add comment", "write a comment", "join the discussion", "join the conversation", "discussion",
        "responses", "what do you think", "show comments", "view comments", "comments are closed", "most recent comments",
        "conversation", "your comment",
        // de
        "kommentare", "kommentar schreiben", "kommentar verfassen", "leserkommentare", "diskussion", "diskutieren sie mit",
        "jetzt kommentieren", "kommentieren", "ihr kommentar", "ihre meinung", "kommentar abgeben", "so können sie kommentieren",
        "kommentar", "reaktionen", "leserbriefe", "kommentare anzeigen", "alle kommentare", "kommentarfunktion",
        // fr
        "commentaires", "commentaire", "vos réactions", "réactions", "laisser un commentaire", "ajouter un commentaire",
        "réagir", "réagissez", "écrire un commentaire", "les commentaires",
        // es
        "comentarios", "comentario", "deja tu comentario", "deja un comentario", "escribe un comentario", "opiniones",
        "los comentarios", "comenta",
        // it
        "commenti", "commento", "lascia un commento", "i commenti",
        // pt
        "comentários", "deixe seu comentário", "deixe um comentário", "deixe o seu comentário",
        // nl, pl, ru, sv, da
        "reacties", "reageer", "komentarze", "dodaj komentarz", "komentarz", "комментарии", "комментарий", "обсуждение",
        "kommentarer", "kommentera",
        // ko, ja, zh
        "댓글", "コメント", "评论", "評論", "发表评论",
    ];

    /// <summary>The reply button under each comment, in the same languages.</summary>
    private static readonly string[] ReplyButtons =
    [
        "reply", "antworten", "antwort", "répondre", "responder", "responde", "rispondi", "responder", "ответить", "odpowiedz",
        "svara", "svar", "reageer", "beantworten", "답글", "返信", "回复",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Headings.Select(CanonicalForm.Create).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReplyLookup =
        ReplyButtons.Select(CanonicalForm.Create).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="line"/> is a comment's reply button ("Antworten", "□ Reply", "Reply ↓").</summary>
    public static bool IsReplyButton(ReadOnlySpan<char> line)
    {
        if (line.Length > 20)
        {
            return false;
        }

        var canonical = CanonicalForm.CreateRented(line, out var rented);
        try
        {
            return !canonical.IsEmpty && ReplyLookup.Contains(canonical);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Most words a marker line has, counts included.</summary>
    private const int MaxWords = 6;

    /// <summary>True when <paramref name="line"/> is a heading that opens reader comments.</summary>
    public static bool Matches(ReadOnlySpan<char> line)
    {
        if (line.Length > 60)
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

            // "5 comments", "comments 12", "kommentare (3)": the count goes.
            var start = 0;
            while (start < canonical.Length && (char.IsAsciiDigit(canonical[start]) || canonical[start] == ' '))
            {
                start++;
            }

            var end = canonical.Length;
            while (end > start && (char.IsAsciiDigit(canonical[end - 1]) || canonical[end - 1] == ' '))
            {
                end--;
            }

            return end > start && Lookup.Contains(canonical[start..end]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
