using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Dates;

/// <summary>
/// Month names and abbreviations, mapped to 1..12: English, French, German, Spanish, Italian, Portuguese, Dutch,
/// Romanian, Albanian, and the genitive forms dates use in Polish, Russian and Ukrainian ("18 февраля 2020").
/// </summary>
internal static class MonthNames
{
    private static readonly FrozenDictionary<string, int> Months = Build();

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Months.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The month number of <paramref name="name"/> (case-insensitive, trailing period ignored), or 0.</summary>
    public static int Parse(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd('.');
        return Lookup.TryGetValue(name, out var month) ? month : 0;
    }

    private static FrozenDictionary<string, int> Build()
    {
        string[][] names =
        [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "janeiro", "stycznia", "января", "січня", "ianuarie", "janar", "januari"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "februar", "febrero", "febbraio", "fevereiro", "lutego", "февраля", "лютого", "februarie", "shkurt", "februari"],
            ["march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "marca", "марта", "березня", "martie", "maart"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "апреля", "квітня", "aprilie", "prill"],
            ["may", "mai", "mayo", "maggio", "maio", "maja", "мая", "травня", "maj", "mei"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "junho", "czerwca", "июня", "червня", "iunie", "qershor"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "julho", "lipca", "июля", "липня", "iulie", "korrik"],
            ["august", "aug", "août", "aout", "agosto", "ago", "sierpnia", "августа", "серпня", "gusht", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro", "września", "сентября", "вересня", "septembrie", "shtator"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "outubro", "października", "октября", "жовтня", "octombrie", "tetor"],
            ["november", "nov", "novembre", "noviembre", "listopada", "ноября", "листопада", "noiembrie", "nëntor"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "декабря", "грудня", "decembrie", "dhjetor"],
        ];

        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                map[name] = i + 1;
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
