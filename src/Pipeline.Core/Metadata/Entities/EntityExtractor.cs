using Pipeline.Core.Documents;
using Pipeline.Core.Metadata.Entities.Tokens;
using Pipeline.Core.Structure;

namespace Pipeline.Core.Metadata.Entities;

/// <summary>
/// People, organisations and places without a statistical model. Each block is cut into tokens
/// (<see cref="EntityTokenizer"/>), its runs of capitalised words are the candidate names (<see cref="CandidateRuns"/>),
/// each is classified by gazetteers (places, organisations, outlets), by name shape (an organisation suffix, a
/// person's particles) and by context (a role before a name, "said" after it, "in" before a place)
/// (<see cref="Classification.EntityClassifier"/>), and the mentions become the entities
/// (<see cref="EntityResolver"/>): a surname alone counts as a mention of the full name met elsewhere.
/// </summary>
internal static class EntityExtractor
{
    /// <summary>How many blocks from the top may open with a dateline place.</summary>
    private const int DatelineBlocks = 4;

    /// <summary>Entities of <paramref name="text"/>, each list distinct and in order of first mention.</summary>
    /// <param name="text">The document.</param>
    /// <param name="knownPeople">People known from elsewhere (the authors).</param>
    public static NamedEntities Extract(StructuredText text, IReadOnlyList<string> knownPeople)
    {
        var scratch = EntityScratch.Rent();
        try
        {
            var blocks = text.Blocks;
            var tokens = scratch.Tokens;
            for (var b = 0; b < blocks.Count; b++)
            {
                var block = blocks[b];
                var s = block.Span;
                tokens.Clear();
                EntityTokenizer.Tokenise(s, tokens);
                var titleCase = block.Kind != BlockKind.Paragraph;
                if (b < DatelineBlocks && DatelinePlaceReader.Read(s) is { } datelinePlace)
                {
                    scratch.Mentions.Add(new EntityMention(datelinePlace, EntityKind.Place, (long)b << 20, true));
                }

                CandidateRuns.ReadBlock(s, tokens, (long)b << 20, titleCase, scratch);
            }

            return EntityResolver.Resolve(scratch, knownPeople);
        }
        finally
        {
            EntityScratch.Return(scratch);
        }
    }
}
