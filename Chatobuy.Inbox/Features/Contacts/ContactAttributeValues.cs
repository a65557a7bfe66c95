using System.Globalization;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>How a custom attribute's value is checked and stored, by its type.</summary>
public static class ContactAttributeValues
{
    public const int MaxTextLength = 500;

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The value as it is stored (trimmed; a number in invariant form; a date as yyyy-MM-dd), or why it cannot be.
    /// A blank value clears the attribute and is always allowed.
    /// </summary>
    public static (string? Stored, string? Error) Check(ContactAttributeType type, IReadOnlyList<string> options, string? input)
    {
        var value = input?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, null);
        }

        switch (type)
        {
            case ContactAttributeType.Number:
                var text = value.Replace(',', '.');
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "Enter a number, such as 42 or 12.5.");
            case ContactAttributeType.Date:
                return DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString(DateFormat, CultureInfo.InvariantCulture), null)
                    : (null, "Enter a date, such as 2026-12-31.");
            case ContactAttributeType.List:
                return options.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase)) is { } option
                    ? (option, null)
                    : (null, $"Pick one of: {string.Join(", ", options)}.");
            default:
                return value.Length <= MaxTextLength
                    ? (value, null)
                    : (null, $"At most {MaxTextLength} characters.");
        }
    }

    /// <summary>A list attribute's choices, one a line, blanks and repeats left out.</summary>
    public static IReadOnlyList<string> SplitOptions(string? options) =>
        (options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>How a type is named on the settings page.</summary>
    public static string TypeName(ContactAttributeType type) => type switch
    {
        ContactAttributeType.Number => "Number",
        ContactAttributeType.Date => "Date",
        ContactAttributeType.List => "List",
        _ => "Text",
    };
}
