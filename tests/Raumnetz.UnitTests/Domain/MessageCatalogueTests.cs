using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.UnitTests.Domain;

/// <summary>
/// The message catalogue (Domain/Common/Messages.resx, Messages.de.resx) is complete in both languages, and no
/// product message is written as a literal outside it (the class of defect where English leaks through German screens).
/// </summary>
public sealed partial class MessageCatalogueTests
{
    private static Dictionary<string, string> Entries(string language)
    {
        var set = Messages.ResourceManager.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{language}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static Dictionary<string, string> English() =>
        Messages.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_entry_exists_in_German_and_English_with_the_same_placeholders()
    {
        var english = English();
        var german = Entries("de");

        Assert.True(english.Count > 150, $"only {english.Count} entries");
        Assert.Empty(english.Keys.Except(german.Keys));
        Assert.Empty(german.Keys.Except(english.Keys));
        foreach (var (key, en) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(german[key]), key);
            Assert.True(Placeholders(en).SequenceEqual(Placeholders(german[key])),
                $"{key}: '{en}' and '{german[key]}' differ in placeholders");
        }
    }

    [Fact]
    public void German_entries_are_translated_not_copied()
    {
        var german = Entries("de");
        // Titles that read the same in both languages would be listed here; none do today.
        var copied = English().Where(e => e.Value == german[e.Key]).Select(e => e.Key).ToList();
        Assert.Empty(copied);
    }

    [Fact]
    public void Every_entry_formats_with_its_placeholders_in_both_languages()
    {
        foreach (var language in Text.Languages)
        {
            var culture = CultureInfo.GetCultureInfo(language);
            foreach (var (key, template) in language == "en" ? English() : Entries(language))
            {
                // FluentValidation's named placeholders ({PropertyName}) and route templates are not composite-format ones.
                if (NamedPlaceholder().IsMatch(template)) continue;
                var count = Placeholders(template)
                    .Select(p => int.Parse(p.TrimStart('{').Split(':', '}')[0], CultureInfo.InvariantCulture) + 1)
                    .DefaultIfEmpty(0).Max();
                var args = Enumerable.Range(0, count).Select(_ => (object)new DateOnly(2024, 5, 1)).ToArray();
                var text = string.Format(culture, template, args);
                Assert.DoesNotContain("{0", text, StringComparison.Ordinal);
                _ = key;
            }
        }
    }

    [Fact]
    public void Messages_follow_the_current_UI_culture_and_resource_names_are_translated()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            Assert.Equal("Netzwerk 'x' wurde nicht gefunden.", new NotFoundException("Network", "x").Message);
            Assert.Equal("Der Wert 5,2 liegt unter dem Minimum 6 des Indikators.", Text.Format(Messages.Obs_BelowMinimum, 5.2, 6));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Network 'x' was not found.", new NotFoundException("Network", "x").Message);
            Assert.Equal("The value 5.2 lies below the indicator's minimum 6.", Text.Format(Messages.Obs_BelowMinimum, 5.2, 6));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Validators_speak_German_for_standard_and_product_rules()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            Raumnetz.Application.Common.ValidationRules.UseCamelCaseNames();
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
            var result = new CreateSpaceValidator().Validate(new CreateSpaceCommand { Code = "a b", Name = "", Level = SpaceLevel.County });
            var messages = result.Errors.Select(e => e.ErrorMessage).ToList();
            Assert.Contains("'name' darf nicht leer sein.", messages);
            Assert.Contains(messages, m => m.StartsWith("'code' darf nur Buchstaben", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// The guard against the class: a message written as a literal in a validator, an exception a client sees, a problem
    /// title or detail, an import row error or a field problem bypasses the catalogue, so it would be English on a German
    /// screen. Messages belong in Messages.resx and Messages.de.resx.
    /// </summary>
    [Fact]
    public void No_product_message_is_a_literal_outside_the_catalogue()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Raumnetz.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "api"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root.FullName, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative.StartsWith("api/Raumnetz.DemoData/", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralMessage().Matches(text))
                offenders.Add($"{relative}: {m.Value.Trim()}");
        }
        Assert.Empty(offenders);
    }

    /// <summary>Every resource name the code passes to a not-found, stale-version or does-not-exist message has its translation.</summary>
    [Fact]
    public void Every_resource_name_in_a_message_has_a_catalogue_entry()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Raumnetz.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var names = Directory.EnumerateFiles(Path.Combine(root.FullName, "api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ResourceCall().Matches(File.ReadAllText(f)))
            .SelectMany(m => ResourceName().Matches(m.Value).Select(n => n.Value.Trim('"')))
            .ToHashSet();
        Assert.Contains("Network member", names);
        var english = English();
        var german = Entries("de");
        Assert.All(names, name =>
        {
            Assert.True(english.ContainsKey(Text.ResourceKey(name)), $"no entry {Text.ResourceKey(name)} for '{name}'");
            Assert.NotEqual(english[Text.ResourceKey(name)], german[Text.ResourceKey(name)]);
        });
    }

    [GeneratedRegex(@"(NotFoundException|StaleVersionException|DoesNotExist|Text\.Resource)\(""[^""]+"""
        + @"|Versioning\.(CheckAsync|EnsureUpdated)\([^;]*")]
    private static partial Regex ResourceCall();

    [GeneratedRegex(@"""[A-Z][A-Za-z]*( [a-zA-Z]+)*""")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex NamedPlaceholder();

    // A string literal with a word and a space, as the message of: WithMessage, a client-facing exception, a problem's
    // title or detail, a ValidationFailure, an import report entry, a field problem, or a rule's returned message.
    [GeneratedRegex(@"(WithMessage\((\w+ => )?"
        + @"|new (InvalidField|Conflict|Forbidden|PreconditionRequired)Exception\(([\w.\[\]$""{}]+, )?"
        + @"|(title|detail): |new ValidationFailure\(""[^""]*"", |report\.Add\([^;]*?""\w+"", "
        + @"|FieldProblem\.Of\([^;]*?""\w+"", |return \(?(""\w+"", )?)"
        + @"\$?""[^""]*[A-Za-z]+ [a-z][^""]*""")]
    private static partial Regex LiteralMessage();
}
