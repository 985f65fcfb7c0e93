using Pipeline.Core.Metadata.Entities;
using Pipeline.Core.Metadata.Entities.Tokens;
using Pipeline.Core.Metadata.Shared;

namespace Pipeline.Core.Tests.Metadata.Entities;

/// <summary><see cref="EntityTokenizer"/>: which words become tokens, and what a lower-case token carries.</summary>
public sealed class EntityTokenizerTests
{
    private static List<EntityToken> Tokens(string text)
    {
        var tokens = new List<EntityToken>();
        EntityTokenizer.Tokenise(text, tokens);
        return tokens;
    }

    [Fact]
    public void A_lower_case_context_word_carries_the_shared_instance_of_its_set()
    {
        PersonNames.Particles.TryGetValue("de", out var shared);

        var token = Tokens("de")[0];

        Assert.Same(shared, token.Word);
    }

    [Fact]
    public void A_context_word_spelt_with_capitals_inside_carries_the_cue_its_sets_give()
    {
        EntityCues.PersonCuesBefore.TryGetValue("said", out var shared);

        var token = Tokens("sAID")[0];

        Assert.Same(shared, token.Word);
    }

    [Fact]
    public void A_lower_case_word_in_no_context_set_carries_the_empty_word()
    {
        var token = Tokens("xylophone")[0];

        Assert.Equal("", token.Word);
        Assert.False(token.Capitalised);
    }

    [Fact]
    public void A_capitalised_word_carries_no_word_and_is_read_from_the_block()
    {
        var token = Tokens("Oslo's harbour")[0];

        Assert.Null(token.Word);
        Assert.True(token.Capitalised);
        Assert.Equal(4, token.Length);
        Assert.True(token.BreakAfter);
    }
}
