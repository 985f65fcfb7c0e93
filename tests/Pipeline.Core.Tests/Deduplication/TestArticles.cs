namespace Pipeline.Core.Tests.Deduplication;

/// <summary>Articles written for these tests: one base text, a light edit of it, and an unrelated one.</summary>
internal static class TestArticles
{
    public const string Harbour =
        "The harbour authority announced on Friday that the old pier will be rebuilt next spring. " +
        "Engineers found that the wooden supports had rotted after decades of exposure to salt water and storms. " +
        "Local fishermen have been using a temporary landing stage further along the coast since May, which they say is too small. " +
        "The project is expected to cost four million pounds and will take about eighteen months to complete. " +
        "A public meeting about the design will be held at the town hall on the first of the month, and residents are invited. " +
        "The harbour master said the new pier would be wider, with space for the lifeboat and a small cafe at the far end. " +
        "Some residents have asked whether the old iron railings could be kept and reused on the new structure. " +
        "The authority said it would consider the request but could not promise anything before the survey was finished. " +
        "Work will begin once the summer tourist season is over, to limit disruption to visitors and businesses. " +
        "Funding comes from the national coastal fund, the county council and a local appeal that raised three hundred thousand pounds.";

    /// <summary>The harbour article with two words changed and a sentence added at the end.</summary>
    public static readonly string HarbourEdited = Harbour
        .Replace("Friday", "Thursday", StringComparison.Ordinal)
        .Replace("eighteen months", "twenty months", StringComparison.Ordinal) + " The pier first opened in 1890.";

    public const string Orchestra =
        "The city orchestra will tour Japan next autumn for the first time in its history, playing nine concerts in six cities. " +
        "The conductor said the programme would mix local composers with well known symphonies from the nineteenth century. " +
        "Tickets for a farewell concert at home go on sale next week, with discounts for students and pensioners. " +
        "The tour is paid for by sponsors and a grant from the arts council, and the players will travel by train between cities.";
}
