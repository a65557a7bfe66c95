using System.Text.RegularExpressions;

namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>Phone numbers as WhatsApp ids: the international number's digits, without "+" (Meta's <c>wa_id</c>).</summary>
public static partial class ContactNumbers
{
    /// <summary>
    /// The wa_id of a number in international format (digits with an optional leading "+", 8 to 15 digits; spaces and
    /// dashes between digits are ignored), or null when it is not one.
    /// </summary>
    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var compact = Separators().Replace(number.Trim(), "");
        return International().IsMatch(compact) ? compact.TrimStart('+') : null;
    }

    [GeneratedRegex(@"(?<=\d)[ \-](?=\d)")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9]{8,15}$")]
    private static partial Regex International();
}
