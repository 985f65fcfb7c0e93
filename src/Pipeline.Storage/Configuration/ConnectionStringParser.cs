namespace Pipeline.Storage.Configuration;

/// <summary>
/// Splits a storage connection string into its settings. Values may themselves contain '=' (Base64
/// keys end in '=='), so each segment splits at its first '='. Error messages name settings and
/// positions, never values, because a value may be a key.
/// </summary>
internal static class ConnectionStringParser
{
    public static Dictionary<string, string> Parse(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i].Trim();
            if (segment.Length == 0)
                continue; // a trailing ';' or ';;' is harmless

            var equals = segment.IndexOf('=');
            if (equals <= 0)
                throw new StorageConfigurationException(
                    $"The storage connection string is malformed: segment {i + 1} is not of the form Name=Value.");

            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (!IsSettingName(name))
                throw new StorageConfigurationException(
                    $"The storage connection string is malformed: segment {i + 1} does not start with a setting name.");
            if (!settings.TryAdd(name, value))
                throw new StorageConfigurationException(
                    $"The storage connection string sets '{name}' more than once.");
        }

        if (settings.Count == 0)
            throw new StorageConfigurationException("The storage connection string is empty.");
        return settings;
    }

    // Setting names are plain identifiers; anything else is likely a secret pasted out of place,
    // so it must not be echoed as a "name" either.
    private static bool IsSettingName(string name)
    {
        if (name.Length is 0 or > 64)
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }
}
