namespace Pipeline.Core.Documents;

/// <summary>An article the text cites: the outlet that published it and its title.</summary>
/// <param name="Outlet">The publishing outlet, e.g. <c>The Guardian</c>.</param>
/// <param name="Title">The cited article's title as quoted in the text.</param>
public sealed record Citation(string Outlet, string Title);
