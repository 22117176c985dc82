using System.Text;

namespace Raumnetz.IntegrationTests.Meetings;

/// <summary>A property of an iCalendar component: name, parameters and the raw (still escaped) value.</summary>
public sealed record ICalProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string RawValue)
{
    /// <summary>The value as TEXT, unescaped.</summary>
    public string Text => ICalendarParser.UnescapeText(RawValue);
}

public sealed class ICalComponent(string name)
{
    public string Name { get; } = name;
    public List<ICalProperty> Properties { get; } = [];
    public List<ICalComponent> Components { get; } = [];

    public ICalProperty? Property(string name) => Properties.SingleOrDefault(p => p.Name == name);
    public string? Text(string name) => Property(name)?.Text;
    public string? Raw(string name) => Property(name)?.RawValue;
}

/// <summary>
/// A deliberately small and strict RFC 5545 reader for the tests: it insists on CRLF line ends and on physical lines
/// of at most 75 octets, unfolds continuation lines, splits content lines into name, parameters and value, and
/// nests BEGIN/END components.
/// </summary>
public static class ICalendarParser
{
    public static ICalComponent Parse(string document)
    {
        Assert.EndsWith("\r\n", document);
        var physical = document[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else logical.Add(line);
        }
        var stack = new Stack<ICalComponent>();
        ICalComponent? root = null;
        foreach (var line in logical)
        {
            var property = ParseLine(line);
            switch (property.Name)
            {
                case "BEGIN":
                    var component = new ICalComponent(property.RawValue);
                    if (stack.Count == 0) { Assert.Null(root); root = component; }
                    else stack.Peek().Components.Add(component);
                    stack.Push(component);
                    break;
                case "END":
                    Assert.Equal(stack.Pop().Name, property.RawValue);
                    break;
                default:
                    Assert.NotEmpty(stack);
                    stack.Peek().Properties.Add(property);
                    break;
            }
        }
        Assert.Empty(stack);
        return root ?? throw new InvalidOperationException("Empty calendar.");
    }

    /// <summary>name *(";" param) ":" value; colons inside quoted parameter values do not end the name part.</summary>
    private static ICalProperty ParseLine(string line)
    {
        var quoted = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) colon = i;
        }
        Assert.True(colon > 0, $"Not a content line: {line}");
        var head = line[..colon].Split(';');
        var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        return new ICalProperty(head[0].ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }

    /// <summary>Reverses TEXT escaping: \\ \; \, \n (and \N).</summary>
    public static string UnescapeText(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') { sb.Append(value[i]); continue; }
            Assert.True(i + 1 < value.Length, "A TEXT value ends in a lone backslash.");
            var next = value[++i];
            sb.Append(next switch
            {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' or 'N' => '\n',
                _ => throw new InvalidOperationException($"Unknown escape \\{next}."),
            });
        }
        return sb.ToString();
    }
}
