using System.Collections.Frozen;

namespace Pipeline.Core.Metadata.Dates;

/// <summary>Month names and abbreviations in English, French, German and Spanish, mapped to 1..12.</summary>
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
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "februar", "febrero"],
            ["march", "mar", "mars", "märz", "maerz", "mär", "marzo"],
            ["april", "apr", "avril", "avr", "abril", "abr"],
            ["may", "mai", "mayo"],
            ["june", "jun", "juin", "juni", "junio"],
            ["july", "jul", "juillet", "juil", "juli", "julio"],
            ["august", "aug", "août", "aout", "agosto", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre"],
            ["november", "nov", "novembre", "noviembre"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic"],
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
