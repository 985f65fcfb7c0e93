using Pipeline.Core.Metadata.Entities.Tokens;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// The per-call working collections of <see cref="EntityExtractor"/>: tokens, mentions and the look-ups of the
/// resolution, reused by the next call on the same thread (the extractor is used concurrently, so they are never
/// shared), and the strings of the call interned: a name mentioned ten times is one string.
/// </summary>
internal sealed class EntityScratch
{
    // A call on a huge document must not leave huge collections behind for the life of the thread.
    private const int MaxKeptTokens = 16_384;
    private const int MaxKeptEntries = 4_096;

    [ThreadStatic]
    private static EntityScratch? t_cached;

    private readonly HashSet<string> _interned = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _internedLookup;

    private EntityScratch()
    {
        _internedLookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        AcronymAliasLookup = AcronymAliases.GetAlternateLookup<ReadOnlySpan<char>>();
        CuedLookup = Cued.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tokens of the block being read.</summary>
    public List<EntityToken> Tokens { get; } = new(256);

    /// <summary>Every mention found, in order.</summary>
    public List<EntityMention> Mentions { get; } = new(64);

    /// <summary>Lone capitalised words that may be a surname or first name, with whether a person cue stood by.</summary>
    public List<(string Word, long Position, bool Cue)> Singles { get; } = new(64);

    /// <summary>Acronyms defined in brackets after an organisation's name, to that name.</summary>
    public Dictionary<string, string> AcronymAliases { get; } = new(StringComparer.Ordinal);

    /// <summary><see cref="AcronymAliases"/> looked up by span.</summary>
    public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AcronymAliasLookup { get; }

    /// <summary>The people with evidence (a cue, a first name, the authors).</summary>
    public HashSet<string> PersonEvidence { get; } = new(StringComparer.Ordinal);

    /// <summary>Lone words met with a person cue.</summary>
    public HashSet<string> Cued { get; } = new(StringComparer.Ordinal);

    /// <summary><see cref="Cued"/> looked up by span.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CuedLookup { get; }

    /// <summary>Where each entity is first mentioned.</summary>
    public Dictionary<(EntityKind, string), long> FirstSeen { get; } = new();

    /// <summary>Scratch list of person names.</summary>
    public List<string> People { get; } = new();

    /// <summary>Scratch list for ordering the entities of one kind.</summary>
    public List<(long Position, int Index, string Name)> Order { get; } = new();

    /// <summary>The scratch of this thread, or a new one.</summary>
    public static EntityScratch Rent()
    {
        var scratch = t_cached ?? new EntityScratch();
        t_cached = null;
        return scratch;
    }

    /// <summary>Clears <paramref name="scratch"/> and keeps it for the next call on this thread, unless it grew huge.</summary>
    public static void Return(EntityScratch scratch)
    {
        var huge = scratch.Tokens.Capacity > MaxKeptTokens || scratch._interned.Count > MaxKeptEntries || scratch.Mentions.Count > MaxKeptEntries ||
                   scratch.Singles.Count > MaxKeptEntries || scratch.FirstSeen.Count > MaxKeptEntries;
        scratch.Tokens.Clear();
        scratch.Mentions.Clear();
        scratch.Singles.Clear();
        scratch.AcronymAliases.Clear();
        scratch.PersonEvidence.Clear();
        scratch.Cued.Clear();
        scratch.FirstSeen.Clear();
        scratch.People.Clear();
        scratch.Order.Clear();
        scratch._interned.Clear();
        if (!huge)
        {
            t_cached = scratch;
        }
    }

    /// <summary>The string of <paramref name="text"/>, made once per call.</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (_internedLookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        _interned.Add(made);
        return made;
    }
}
