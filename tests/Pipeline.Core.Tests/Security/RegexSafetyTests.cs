using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Core.Processing;
using Pipeline.Storage.Outputs;

namespace Pipeline.Core.Tests.Security;

/// <summary>
/// Every regular expression in the pipeline's assemblies runs either on the NonBacktracking engine or with a finite
/// match timeout, so no input can make a match take time exponential in its length. Found by reflection: generated
/// regex methods (<c>[GeneratedRegex]</c> partial methods), and static fields and properties of a Regex type.
/// </summary>
public sealed class RegexSafetyTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly Assembly[] Assemblies = [typeof(DocumentProcessor).Assembly, typeof(OutputNames).Assembly, typeof(Pipeline.Development.FaultInjection.GlobPattern).Assembly];

    public static TheoryData<string> RegexMembers => new(FindRegexes().Select(r => r.Name));

    [Theory]
    [MemberData(nameof(RegexMembers))]
    public void Regex_uses_NonBacktracking_or_a_match_timeout(string member)
    {
        var regex = FindRegexes().Single(r => r.Name == member).Create();

        Assert.True(
            regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout,
            $"{member} ({regex}) has options {regex.Options} and no match timeout.");
    }

    [Fact]
    public void The_audit_finds_the_known_regexes() =>
        Assert.Contains(FindRegexes(), r => r.Name.EndsWith("DateExtractor.DatePattern", StringComparison.Ordinal));

    /// <summary>Instance fields whose regexes are built by <see cref="Pipeline.Development.FaultInjection.GlobPattern"/>, checked below.</summary>
    private static readonly string[] GlobFields =
    [
        "Pipeline.Development.FaultInjection.FaultInjector._names",
        "Pipeline.Development.FaultInjection.FaultInjector._delayNames",
        "Pipeline.Development.FaultInjection.StorageFaultPolicy._requests",
    ];

    [Fact]
    public void No_regex_is_held_in_an_instance_field_the_audit_cannot_reach()
    {
        var instanceFields = Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(f => typeof(Regex).IsAssignableFrom(f.FieldType) && !typeof(Regex).IsAssignableFrom(f.DeclaringType))
            .Select(f => $"{f.DeclaringType}.{f.Name}")
            .Except(GlobFields);

        Assert.Empty(instanceFields);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("poison-*.txt")]
    [InlineData("PUT */results/*")]
    public void Glob_patterns_compile_to_non_backtracking_regexes(string glob) =>
        Assert.True(Pipeline.Development.FaultInjection.GlobPattern.ToRegex(glob).Options.HasFlag(RegexOptions.NonBacktracking));

    /// <summary>Every static member of a Regex type, outside the regex classes the source generator emits (their instances are what the members return).</summary>
    private static IEnumerable<(string Name, Func<Regex> Create)> FindRegexes()
    {
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            if (typeof(Regex).IsAssignableFrom(type) || type.Namespace == "System.Text.RegularExpressions.Generated")
            {
                continue;
            }

            foreach (var method in type.GetMethods(Everything))
            {
                if (method.IsStatic && method.GetParameters().Length == 0 && !method.IsGenericMethodDefinition &&
                    typeof(Regex).IsAssignableFrom(method.ReturnType) && !method.IsSpecialName)
                {
                    yield return ($"{type.FullName}.{method.Name}", () => (Regex)method.Invoke(null, null)!);
                }
            }

            foreach (var property in type.GetProperties(Everything))
            {
                if (property.GetMethod is { IsStatic: true } getter && typeof(Regex).IsAssignableFrom(property.PropertyType))
                {
                    yield return ($"{type.FullName}.{property.Name}", () => (Regex)getter.Invoke(null, null)!);
                }
            }

            foreach (var field in type.GetFields(Everything))
            {
                if (field.IsStatic && typeof(Regex).IsAssignableFrom(field.FieldType))
                {
                    yield return ($"{type.FullName}.{field.Name}", () => (Regex)field.GetValue(null)!);
                }
            }
        }
    }
}
