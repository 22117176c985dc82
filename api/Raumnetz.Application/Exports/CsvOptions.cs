using Raumnetz.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace Raumnetz.Application.Exports;

/// <summary>CSV options: separator and decimal comma (German Excel: semicolon and comma).</summary>
public sealed record CsvOptions(char Delimiter, bool DecimalComma)
{
    public static readonly CsvOptions Default = new(',', false);

    /// <summary>
    /// The options of <c>?delimiter=</c> (comma, the default, semicolon or tab) and <c>?decimal=</c> (point, the default, or
    /// comma, which makes semicolon the default separator). Every export takes them, whatever its format. Throws a
    /// <see cref="ValidationException"/> that names each bad parameter.
    /// </summary>
    public static CsvOptions Parse(string? delimiter, string? @decimal)
    {
        var failures = new List<ValidationFailure>();
        var decimalText = @decimal?.Trim().ToLowerInvariant();
        var decimalComma = decimalText == "comma";
        var separator = Separator(delimiter ?? (decimalComma ? "semicolon" : null));
        if (separator is null) failures.Add(new ValidationFailure("delimiter", Messages.Field_Delimiter));
        if (decimalText is not (null or "" or "point" or "comma")) failures.Add(new ValidationFailure("decimal", Messages.Field_Decimal));
        else if (decimalComma && separator == ',')
            failures.Add(new ValidationFailure("decimal", Messages.Field_DecimalCommaSeparator));
        if (failures.Count > 0) throw new ValidationException(failures);
        return new CsvOptions(separator!.Value, decimalComma);
    }

    private static char? Separator(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "comma" or "," => ',',
        "semicolon" or ";" => ';',
        "tab" or "\t" => '\t',
        _ => null,
    };
}
