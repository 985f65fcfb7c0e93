namespace Pipeline.Web.Pages;

/// <summary>Asks a browser for the token once and keeps it in an HTTP-only cookie (API clients send <c>Authorization: Bearer</c>).</summary>
internal static class LoginPage
{
    public static string Render(string returnPath, bool failed) => Html.Layout("Sign in", "login", $"""
        <h1>Token required</h1>
        <p>This web view was started with a token. Enter it to continue{(failed ? "; <strong>the token was wrong</strong>" : string.Empty)}.</p>
        <form method="post" action="/login"><input type="hidden" name="return" value="{Html.Encode(returnPath)}">
        <label>Token <input type="password" name="token" autocomplete="current-password" required></label> <button type="submit">Continue</button></form>
        """);
}
