using System.Net;

namespace Pipeline.Web.Security;

/// <summary>Tells loopback addresses and host names from everything else.</summary>
public static class LoopbackBinding
{
    /// <summary>Whether a listen address (<c>http://127.0.0.1:7080</c>) binds loopback only. <c>*</c>, <c>+</c> and <c>0.0.0.0</c> do not.</summary>
    /// <param name="url">The address, as in <c>--urls</c>.</param>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        return IsLoopbackHost(HostOf(authority));
    }

    /// <summary>Whether a host (from a <c>Host</c> header or an address, without port) is loopback.</summary>
    /// <param name="host">The host name or IP address; IPv6 in brackets or not.</param>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.Trim('[', ']');
        return string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>The host part of <c>host[:port]</c> or <c>[v6]:port</c>.</summary>
    /// <param name="authority">The authority.</param>
    public static string HostOf(string authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 || authority.IndexOf(':') != colon ? authority : authority[..colon];
    }
}
