using System.Collections.Frozen;
using Pipeline.Core.Text;

namespace Pipeline.Core.Structure.Boilerplate;

/// <summary>
/// Function words per language, the measure jusText uses to tell running text from page furniture: prose is dense with
/// them, menus, teaser headlines and link lists are not. The lists hold each language's most frequent function words
/// (articles, pronouns, prepositions, conjunctions, auxiliaries), lower case.
/// </summary>
internal static class StopWords
{
    /// <summary>The languages, in the order of their bit in <see cref="Lookup"/>.</summary>
    public static readonly string[] Languages = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "cs"];

    private static readonly string[][] Lists =
    [
        // en
        ("the of and to a in is that for it as was with be by on not he i this are or his from at which but have an they you " +
         "were her she there one all we their has been would will if more when so who no can said its about up out them than " +
         "into could our other some what only also after new two over any these may first do most like how my should then " +
         "because where just those such while between under both each few very being did does had him me us your our own " +
         "through during before against again further once here why off down same too now yet").Split(' '),
        // de
        ("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass " +
         "sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch " +
         "man sein wurde sei diese kann gegen vom schon wenn habe seine ihre dann unter wir soll ich eines jahr zwei jahren " +
         "diesem dieser wieder keine seinen können hatte zwischen immer ihr ihren alle sollen was da wo damit etwa ob sehr " +
         "uns wurden will muss worden denn doch mich mir ihm ihn weil beim seit ohne also").Split(' '),
        // fr
        ("de la le et les des à l en du un une d que qui dans pour est pas par au sur il ne a plus se ce avec son sa elle " +
         "mais ou ses sont été nous leur on qu aux y comme tout ont cette lui je s n c entre leurs vous fait très sans aussi " +
         "bien peut ces même être dont encore deux avait après ils sous avoir faire où tous nos quand était si mon ma").Split(' '),
        // es
        ("de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o fue este ha sí porque " +
         "esta son entre está cuando muy sin sobre ser también me hasta hay donde han quien desde todo nos durante todos uno " +
         "les ni contra otros fueron ese eso había ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto " +
         "esa estos mucho quienes nada muchos cual sea poco ella estar haber estas").Split(' '),
        // it
        ("di e il la che in a per un è del non una le con i da si al della dei sono come anche più nel ma lo alla ha gli " +
         "delle se questo o ci essere era su sua suo dal nella degli quando questa tra loro mi ne hanno cui fatto molto " +
         "stato poi solo dopo sia dove senza fra anni").Split(' '),
        // pt
        ("de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou " +
         "ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem " +
         "nas me esse eles estão você tinha foram essa num nem suas meu às minha têm numa pelos elas havia seja qual será").Split(' '),
        // nl
        ("de en van het een in is dat op te zijn voor met die niet aan er om ook als dan maar bij of uit nog wat tot door " +
         "over naar kan wordt werd hij ze zich heeft hebben worden was zo al meer wel deze dit geen na").Split(' '),
        // pl
        ("i w na z że do się nie to jest o a od po jak za dla co ale przez tak jego jej są przy być tym czy lub oraz który " +
         "która które już może jednak także by tylko też tego ich był była było będzie ze we sobie pod nad mu go jako te").Split(' '),
        // ru
        ("и в не на что с по как а он из к это за то о но от его для же все у так она был было бы до ее мы они ты вы я " +
         "при или уже только еще если когда чтобы этого том также может их были есть будет даже после этом во со об").Split(' '),
        // sv
        ("och i att det som en på är av för med till den har de inte om ett han men var sig så vid kan hon från under " +
         "efter ska eller när man nu detta också hade blev sina sitt då vara skulle mot alla där även").Split(' '),
        // da
        ("og i at det er en af til på med som for den de har ikke et var han der om fra men vil kan eller efter sig blev " +
         "når så skal hun også være havde blive ved nu jeg over").Split(' '),
        // cs
        ("a v se na je že s z do to o k i jako ve za by ale pro jsou byl jeho jak po které který která už tak jen nebo " +
         "také podle při bude jsem má mezi než když aby byla bylo jejich již").Split(' '),
    ];

    /// <summary>Articles, prepositions and conjunctions that a sentence does not end on, per language (en, de, fr, es, it, pt, nl, pl, ru, sv).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NonFinal = FrozenSet.Create(
        StringComparer.Ordinal,
        "the", "a", "an", "of", "to", "in", "for", "with", "by", "from", "at", "and", "or", "into",
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "zu", "von", "mit", "auf",
        "für", "bei", "aus", "nach", "über", "unter", "und", "oder", "im", "am", "vom", "zum", "zur", "laut",
        "le", "la", "les", "des", "du", "de", "un", "une", "à", "au", "aux", "et", "pour", "par", "sur", "dans", "avec",
        "el", "los", "las", "del", "una", "al", "y", "en", "con", "por", "para",
        "il", "lo", "gli", "dei", "del", "della", "di", "e", "per", "su",
        "o", "os", "as", "do", "da", "dos", "das", "um", "uma", "em", "com", "no", "na",
        "het", "een", "van", "op", "met", "voor",
        "w", "z", "na", "i", "od", "za", "dla",
        "в", "и", "на", "с", "по", "к", "от", "за", "из", "для",
        "och", "på", "av", "för", "med", "till", "ett").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Each word's languages, one bit per entry of <see cref="Languages"/>.</summary>
    public static readonly FrozenDictionary<string, ushort> Lookup = Build();

    /// <summary>The same, looked up by a word as written (lower-cased by the lookup) and the hash taken while reading it.</summary>
    public static readonly WordTable<ushort> Table = new(Lookup, WordTableCase.Lower);

    private static FrozenDictionary<string, ushort> Build()
    {
        var map = new Dictionary<string, ushort>(StringComparer.Ordinal);
        for (var language = 0; language < Lists.Length; language++)
        {
            foreach (var word in Lists[language])
            {
                if (word.Length > 0)
                {
                    map[word] = (ushort)(map.GetValueOrDefault(word) | (1 << language));
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
